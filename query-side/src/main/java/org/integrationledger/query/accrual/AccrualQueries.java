package org.integrationledger.query.accrual;

import org.axonframework.queryhandling.QueryHandler;
import org.integrationledger.model.accrual.AccrualGroup;
import org.integrationledger.model.accrual.AccrualLine;
import org.integrationledger.model.accrual.AccrualReport;
import org.integrationledger.model.accrual.AccrualSide;
import org.integrationledger.model.accrual.FindAccrualVariances;
import org.integrationledger.model.accrual.FindAccruals;
import org.integrationledger.model.accrual.VarianceReason;
import org.integrationledger.model.accrual.VarianceReport;
import org.integrationledger.model.accrual.VarianceTotal;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Answers the accrual reports: the totals from the running balances ({@link AccrualBalances}), and one page of the
 * open lines folded from their own facts by {@link AccrualReportRules}. Totals and page are read in one
 * repeatable-read transaction, so they come from one snapshot of the projection. A supplier is not a balance
 * dimension: its report folds its lines (few) for both.
 */
@Component
public class AccrualQueries {

    /** The most lines one page of a report carries. */
    public static final int MAX_PAGE_SIZE = 1000;
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final Set<String> REASONS = Arrays.stream(VarianceReason.values()).map(Enum::name)
            .collect(Collectors.toSet());

    private final AccrualFacts facts;

    AccrualQueries(AccrualFacts facts) {
        this.facts = facts;
    }

    @QueryHandler
    public AccrualReport handle(FindAccruals query) {
        return report(criteria(query.periodEnd(), query.knownAt(), query.legalEntity(), query.currency(),
                query.supplier()), AccrualPage.of(query.cursor(), query.size()));
    }

    @QueryHandler
    public VarianceReport handle(FindAccrualVariances query) {
        return variances(criteria(query.periodEnd(), query.knownAt(), query.legalEntity(), query.currency(),
                query.supplier()), AccrualPage.of(query.cursor(), query.size()));
    }

    /** Criteria of a query: without knownAt, as known now (the time of asking, on the event store's clock). */
    static AccrualCriteria criteria(LocalDate periodEnd, Instant knownAt, LegalEntityId legalEntity,
                                    CurrencyCode currency, SupplierId supplier) {
        return new AccrualCriteria(periodEnd, knownAt == null ? Instant.now() : knownAt,
                legalEntity == null ? null : legalEntity.value(), currency == null ? null : currency.value(),
                supplier == null ? null : supplier.value(), knownAt == null);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    AccrualReport report(AccrualCriteria criteria, AccrualPage page) {
        if (criteria.supplierId() != null) {
            List<AccrualLine> all = everyLine(criteria, false);
            Page lines = page(criteria, page, false);
            return new AccrualReport(criteria.periodEnd(), criteria.periodEndsAt(), criteria.knownAt(),
                    AccrualReportRules.groups(all), lines.lines(), lines.next());
        }
        Page lines = page(criteria, page, false);
        return new AccrualReport(criteria.periodEnd(), criteria.periodEndsAt(), criteria.knownAt(),
                groups(facts.totals(criteria)), lines.lines(), lines.next());
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    VarianceReport variances(AccrualCriteria criteria, AccrualPage page) {
        if (criteria.supplierId() != null) {
            List<AccrualLine> all = everyLine(criteria, true);
            Page lines = page(criteria, page, true);
            return new VarianceReport(criteria.periodEnd(), criteria.periodEndsAt(), criteria.knownAt(),
                    AccrualReportRules.varianceTotals(all), lines.lines(), lines.next());
        }
        Page lines = page(criteria, page, true);
        return new VarianceReport(criteria.periodEnd(), criteria.periodEndsAt(), criteria.knownAt(),
                varianceTotals(facts.totals(criteria)), lines.lines(), lines.next());
    }

    /** Every open line in key order, page after page in one snapshot, for an export that streams them all. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    void everyLine(AccrualCriteria criteria, Consumer<AccrualLine> sink) {
        AccrualPage page = AccrualPage.first(MAX_PAGE_SIZE);
        while (true) {
            Page lines = page(criteria, page, false);
            lines.lines().forEach(sink);
            if (lines.next() == null) {
                return;
            }
            page = new AccrualPage(AccrualPage.decode(lines.next()), MAX_PAGE_SIZE);
        }
    }

    private List<AccrualLine> everyLine(AccrualCriteria criteria, boolean varying) {
        List<AccrualLine> all = new ArrayList<>();
        AccrualFacts.LineRef after = null;
        while (true) {
            List<AccrualFacts.LineRef> refs = facts.candidates(criteria, after, MAX_PAGE_SIZE, varying);
            if (refs.isEmpty()) {
                return all;
            }
            all.addAll(open(criteria, refs, varying));
            after = refs.get(refs.size() - 1);
        }
    }

    /**
     * One page of the open (with {@code varying}: varying) lines after the page's cursor: reads the candidate lines
     * in key order and folds their facts until one line more than the page holds is found, which says there is a
     * next page.
     */
    private Page page(AccrualCriteria criteria, AccrualPage page, boolean varying) {
        List<AccrualLine> found = new ArrayList<>();
        AccrualFacts.LineRef after = page.after();
        int chunk = Math.min(MAX_PAGE_SIZE, Math.max(page.size() + 1, 100));
        while (found.size() <= page.size()) {
            List<AccrualFacts.LineRef> refs = facts.candidates(criteria, after, chunk, varying);
            if (refs.isEmpty()) {
                break;
            }
            found.addAll(open(criteria, refs, varying));
            after = refs.get(refs.size() - 1);
        }
        return pageOf(found, page.size());
    }

    /** The open lines among the candidates, in the candidates' (key) order. */
    private List<AccrualLine> open(AccrualCriteria criteria, List<AccrualFacts.LineRef> refs, boolean varying) {
        Map<AccrualFacts.LineRef, AccrualLine> byRef = new HashMap<>();
        for (AccrualLine line : AccrualReportRules.lines(criteria, facts.factsOf(refs))) {
            byRef.put(new AccrualFacts.LineRef(line.purchaseOrderId().value(), line.lineNumber()), line);
        }
        List<AccrualLine> open = new ArrayList<>();
        for (AccrualFacts.LineRef ref : refs) {
            AccrualLine line = byRef.get(ref);
            if (line != null && (!varying || !line.variances().isEmpty())) {
                open.add(line);
            }
        }
        return open;
    }

    /** The first {@code size} of lines found after a cursor, and the cursor after them if more were found. */
    private static Page pageOf(List<AccrualLine> found, int size) {
        if (found.size() <= size) {
            return new Page(found, null);
        }
        List<AccrualLine> lines = found.subList(0, size);
        AccrualLine last = lines.get(lines.size() - 1);
        return new Page(List.copyOf(lines), AccrualPage.encode(
                new AccrualFacts.LineRef(last.purchaseOrderId().value(), last.lineNumber())));
    }

    static List<AccrualGroup> groups(List<AccrualFacts.Total> totals) {
        Map<String, Map<String, AccrualFacts.Total>> byGroup = new LinkedHashMap<>();
        for (AccrualFacts.Total total : totals) {
            byGroup.computeIfAbsent(total.legalEntity() + "/" + total.currency(), key -> new HashMap<>())
                    .put(total.measure(), total);
        }
        List<AccrualGroup> groups = new ArrayList<>();
        for (Map<String, AccrualFacts.Total> measures : byGroup.values()) {
            AccrualFacts.Total received = measures.get(AccrualSide.RECEIVED_NOT_INVOICED.name());
            AccrualFacts.Total invoiced = measures.get(AccrualSide.INVOICED_NOT_RECEIVED.name());
            if (received == null && invoiced == null) {
                continue;
            }
            AccrualFacts.Total any = received != null ? received : invoiced;
            CurrencyCode currency = CurrencyCode.of(any.currency());
            groups.add(new AccrualGroup(LegalEntityId.of(any.legalEntity()), currency, money(received, currency),
                    money(invoiced, currency), received == null ? 0 : received.lines(),
                    invoiced == null ? 0 : invoiced.lines()));
        }
        return groups;
    }

    static List<VarianceTotal> varianceTotals(List<AccrualFacts.Total> totals) {
        return totals.stream().filter(total -> REASONS.contains(total.measure()))
                .map(total -> new VarianceTotal(VarianceReason.valueOf(total.measure()),
                        LegalEntityId.of(total.legalEntity()), CurrencyCode.of(total.currency()), total.lines(),
                        money(total, CurrencyCode.of(total.currency()))))
                .sorted(Comparator.comparing(VarianceTotal::reason)
                        .thenComparing(total -> total.legalEntity().value())
                        .thenComparing(total -> total.currency().value()))
                .toList();
    }

    private static Money money(AccrualFacts.Total total, CurrencyCode currency) {
        return new Money(total == null ? BigDecimal.ZERO : total.amount(), currency);
    }

    /** Lines of one page and the cursor of the next (null: none). */
    private record Page(List<AccrualLine> lines, String next) {
    }
}
