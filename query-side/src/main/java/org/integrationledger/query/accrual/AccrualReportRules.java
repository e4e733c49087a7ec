package org.integrationledger.query.accrual;

import org.integrationledger.model.accrual.AccrualGroup;
import org.integrationledger.model.accrual.AccrualLine;
import org.integrationledger.model.accrual.AccrualReport;
import org.integrationledger.model.accrual.AccrualSide;
import org.integrationledger.model.accrual.LineVariance;
import org.integrationledger.model.accrual.VarianceReason;
import org.integrationledger.model.accrual.VarianceReport;
import org.integrationledger.model.accrual.VarianceTotal;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How a line's facts become its period-end position: the sums per kind inside the criteria, which side it is open
 * on (received quantity above invoiced: received-not-invoiced; below: invoiced-not-received; equal: not open), and
 * the variance reasons its facts prove. Services (lines without a goods receipt) accrue on another basis and are
 * left out.
 */
final class AccrualReportRules {

    private AccrualReportRules() {
    }

    /** The whole report over the facts, every open line on one page: the reference the stored balances equal. */
    static AccrualReport report(AccrualCriteria criteria, List<AccrualFact> facts) {
        List<AccrualLine> lines = lines(criteria, facts);
        return new AccrualReport(criteria.periodEnd(), criteria.periodEndsAt(), criteria.knownAt(), groups(lines),
                lines, null);
    }

    static VarianceReport variances(AccrualCriteria criteria, List<AccrualFact> facts) {
        List<AccrualLine> explained = lines(criteria, facts).stream().filter(line -> !line.variances().isEmpty())
                .toList();
        return new VarianceReport(criteria.periodEnd(), criteria.periodEndsAt(), criteria.knownAt(),
                varianceTotals(explained), explained, null);
    }

    /** Both totals per legal entity and currency, in that order; groups without open lines are left out. */
    static List<AccrualGroup> groups(List<AccrualLine> lines) {
        Map<String, List<AccrualLine>> byGroup = new TreeMap<>();
        for (AccrualLine line : lines) {
            byGroup.computeIfAbsent(line.legalEntity().value() + "/" + line.currency().value(),
                    key -> new ArrayList<>()).add(line);
        }
        return byGroup.values().stream().map(AccrualReportRules::group).toList();
    }

    /** Totals per reason, legal entity and currency of the lines' variances; a line with two counts under both. */
    static List<VarianceTotal> varianceTotals(List<AccrualLine> explained) {
        Map<TotalKey, List<AccrualLine>> byReason = new TreeMap<>(Comparator.comparing(TotalKey::reason)
                .thenComparing(TotalKey::legalEntity).thenComparing(TotalKey::currency));
        for (AccrualLine line : explained) {
            for (LineVariance variance : line.variances()) {
                byReason.computeIfAbsent(new TotalKey(variance.reason(), line.legalEntity().value(),
                        line.currency().value()), key -> new ArrayList<>()).add(line);
            }
        }
        return byReason.entrySet().stream().map(entry -> {
            List<AccrualLine> lines = entry.getValue();
            AccrualLine first = lines.get(0);
            return new VarianceTotal(entry.getKey().reason(), first.legalEntity(), first.currency(), lines.size(),
                    sum(lines, AccrualLine::openAmount, first.currency()));
        }).toList();
    }

    /** The open lines among the facts, by order and line number. */
    static List<AccrualLine> lines(AccrualCriteria criteria, List<AccrualFact> facts) {
        Map<String, List<AccrualFact>> byLine = new TreeMap<>();
        facts.stream().filter(criteria::includes).forEach(fact -> byLine.computeIfAbsent(
                fact.purchaseOrderId() + "#" + String.format("%06d", fact.lineNumber()),
                key -> new ArrayList<>()).add(fact));
        return byLine.values().stream().map(lineFacts -> line(criteria, lineFacts)).flatMap(Optional::stream)
                .toList();
    }

    private static Optional<AccrualLine> line(AccrualCriteria criteria, List<AccrualFact> facts) {
        AccrualFact any = facts.get(0);
        if (!facts.stream().allMatch(AccrualFact::goodsReceiptRequired)) {
            return Optional.empty();
        }
        String currency = any.currency();
        BigDecimal received = quantity(facts, FactKind.RECEIVED);
        BigDecimal invoiced = quantity(facts, FactKind.INVOICED);
        int open = received.compareTo(invoiced);
        if (open == 0) {
            return Optional.empty();
        }
        Money receivedAmount = amount(facts, FactKind.RECEIVED, currency);
        Money invoicedAmount = amount(facts, FactKind.INVOICED, currency);
        Integer erpVersion = facts.stream().filter(f -> f.kind() == FactKind.ORDER_POSTED_IN_ERP)
                .map(AccrualFact::orderVersion).max(Integer::compare).orElse(null);
        int orderVersion = facts.stream().filter(f -> f.kind() == FactKind.ORDERED)
                .mapToInt(AccrualFact::orderVersion).max().orElse(0);
        String unit = facts.stream().filter(f -> f.kind() == FactKind.ORDERED).map(AccrualFact::unitOfMeasure)
                .findFirst().orElse(any.unitOfMeasure());
        return Optional.of(new AccrualLine(PurchaseOrderId.of(any.purchaseOrderId()), any.lineNumber(),
                LegalEntityId.of(any.legalEntity()), SupplierId.of(any.supplierId()), CurrencyCode.of(currency),
                open > 0 ? AccrualSide.RECEIVED_NOT_INVOICED : AccrualSide.INVOICED_NOT_RECEIVED, unit,
                quantity(facts, FactKind.ORDERED), received, invoiced, quantity(facts, FactKind.MATCHED),
                quantity(facts, FactKind.PAID), amount(facts, FactKind.ORDERED, currency), receivedAmount,
                invoicedAmount, amount(facts, FactKind.MATCHED, currency), amount(facts, FactKind.PAID, currency),
                new Money(receivedAmount.amount().subtract(invoicedAmount.amount()), CurrencyCode.of(currency)),
                orderVersion, erpVersion, systems(facts, FactKind.RECEIVED), systems(facts, FactKind.INVOICED),
                facts.stream().map(AccrualFact::occurredAt).max(Comparator.naturalOrder()).orElseThrow(),
                facts.stream().map(AccrualFact::recordedAt).max(Comparator.naturalOrder()).orElseThrow(),
                variances(criteria, facts, erpVersion)));
    }

    private static List<LineVariance> variances(AccrualCriteria criteria, List<AccrualFact> facts,
                                                Integer erpVersion) {
        List<LineVariance> variances = new ArrayList<>();
        Map<String, AccrualFact> postedUnmatched = new LinkedHashMap<>();
        facts.stream().filter(f -> f.kind() == FactKind.INVOICE_POSTED_IN_ERP).forEach(posted -> {
            boolean matched = facts.stream().anyMatch(f -> f.kind() == FactKind.MATCHED
                    && posted.invoiceId().equals(f.invoiceId()));
            if (!matched) {
                postedUnmatched.putIfAbsent(posted.invoiceId(), posted);
            }
        });
        postedUnmatched.values().forEach(posted -> variances.add(new LineVariance(
                VarianceReason.INVOICE_POSTED_UNMATCHED, "invoice " + posted.invoiceId() + " posted by "
                + posted.sourceSystem() + " as " + posted.reference() + ", not matched in the ledger",
                posted.recordedAt())));
        if (erpVersion != null) {
            facts.stream().filter(f -> f.kind() == FactKind.ORDERED && f.orderVersion() > erpVersion)
                    .max(Comparator.comparingInt(AccrualFact::orderVersion)).ifPresent(changed -> variances.add(
                            new LineVariance(VarianceReason.ERP_HOLDS_OLDER_ORDER_VERSION, erpHolder(facts)
                                    + " holds order version " + erpVersion + "; the line changed in version "
                                    + changed.orderVersion(), changed.recordedAt())));
        }
        List<AccrualFact> late = facts.stream().filter(criteria::late).toList();
        if (!late.isEmpty()) {
            variances.add(new LineVariance(VarianceReason.LATE_FACT, late.stream()
                    .map(f -> f.kind() + " " + Optional.ofNullable(f.reference()).orElse("") + " from "
                            + f.sourceSystem() + " recorded " + f.recordedAt())
                    .collect(Collectors.joining("; ")),
                    late.stream().map(AccrualFact::recordedAt).max(Comparator.naturalOrder()).orElseThrow()));
        }
        facts.stream().filter(f -> f.kind() == FactKind.INVOICED && !f.factCurrency().equals(f.currency()))
                .forEach(foreign -> variances.add(new LineVariance(VarianceReason.CURRENCY_MISMATCH,
                        "invoice " + foreign.invoiceId() + " bills " + foreign.amount().toPlainString() + " "
                                + foreign.factCurrency() + " on a " + foreign.currency() + " order",
                        foreign.recordedAt())));
        return variances;
    }

    private static String erpHolder(List<AccrualFact> facts) {
        return facts.stream().filter(f -> f.kind() == FactKind.ORDER_POSTED_IN_ERP).map(AccrualFact::sourceSystem)
                .findFirst().orElse("the ERP");
    }

    private static AccrualGroup group(List<AccrualLine> lines) {
        AccrualLine first = lines.get(0);
        CurrencyCode currency = first.currency();
        List<AccrualLine> received = lines.stream().filter(side(AccrualSide.RECEIVED_NOT_INVOICED)).toList();
        List<AccrualLine> invoiced = lines.stream().filter(side(AccrualSide.INVOICED_NOT_RECEIVED)).toList();
        return new AccrualGroup(first.legalEntity(), currency, sum(received, AccrualLine::openAmount, currency),
                sum(invoiced, line -> new Money(line.openAmount().amount().negate(), currency), currency),
                received.size(), invoiced.size());
    }

    private static Predicate<AccrualLine> side(AccrualSide side) {
        return line -> line.side() == side;
    }

    private static Money sum(List<AccrualLine> lines, Function<AccrualLine, Money> amount,
                             CurrencyCode currency) {
        return lines.stream().map(amount).reduce(Money.zero(currency), Money::plus);
    }

    private static BigDecimal quantity(List<AccrualFact> facts, FactKind kind) {
        return facts.stream().filter(f -> f.kind() == kind).map(AccrualFact::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum in the order's currency; a fact in another currency cannot be added to it (CURRENCY_MISMATCH). */
    private static Money amount(List<AccrualFact> facts, FactKind kind, String currency) {
        BigDecimal sum = facts.stream().filter(f -> f.kind() == kind && f.factCurrency().equals(currency))
                .map(AccrualFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Money(sum, CurrencyCode.of(currency));
    }

    private static List<SystemId> systems(List<AccrualFact> facts, FactKind kind) {
        return facts.stream().filter(f -> f.kind() == kind).map(AccrualFact::sourceSystem).distinct().sorted()
                .map(SystemId::of).toList();
    }

    /** One row of the variance totals. */
    private record TotalKey(VarianceReason reason, String legalEntity, String currency) {
    }
}
