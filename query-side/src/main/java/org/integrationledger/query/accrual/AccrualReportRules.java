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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Map<LineKey, List<AccrualFact>> byLine = new TreeMap<>();
        for (AccrualFact fact : facts) {
            if (criteria.includes(fact)) {
                byLine.computeIfAbsent(new LineKey(fact.purchaseOrderId(), fact.lineNumber()),
                        key -> new ArrayList<>()).add(fact);
            }
        }
        List<AccrualLine> lines = new ArrayList<>();
        for (List<AccrualFact> lineFacts : byLine.values()) {
            line(criteria, lineFacts).ifPresent(lines::add);
        }
        return lines;
    }

    /**
     * Where one line's facts inside the criteria leave it (side, open amount, variance reasons), by the same rules
     * as {@link #lines}, without the line's descriptions: the running balances ask this at every point of a line's
     * grid of days and recorded instants, so it is the hot path of a replay.
     */
    static Optional<Position> position(AccrualCriteria criteria, List<AccrualFact> lineFacts) {
        List<AccrualFact> facts = new ArrayList<>(lineFacts.size());
        for (AccrualFact fact : lineFacts) {
            if (criteria.includes(fact)) {
                facts.add(fact);
            }
        }
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        Sums sums = Sums.of(facts);
        if (sums == null || sums.open() == 0) {
            return Optional.empty();
        }
        AccrualFact any = facts.get(0);
        Evidence evidence = Evidence.of(criteria, facts, sums.erpVersion());
        return Optional.of(new Position(any.legalEntity(), any.currency(), sums.side(), sums.openAmount(),
                evidence.reasons()));
    }

    /** A line's place at a period end: the side it is open on, its open amount and the reasons it varies. */
    record Position(String legalEntity, String currency, AccrualSide side, BigDecimal openAmount,
                    Set<VarianceReason> reasons) {
    }

    private static Optional<AccrualLine> line(AccrualCriteria criteria, List<AccrualFact> facts) {
        Sums sums = Sums.of(facts);
        if (sums == null || sums.open() == 0) {
            return Optional.empty();
        }
        AccrualFact any = facts.get(0);
        String currency = any.currency();
        Integer erpVersion = sums.erpVersion();
        int orderVersion = facts.stream().filter(f -> f.kind() == FactKind.ORDERED)
                .mapToInt(AccrualFact::orderVersion).max().orElse(0);
        String unit = facts.stream().filter(f -> f.kind() == FactKind.ORDERED).map(AccrualFact::unitOfMeasure)
                .findFirst().orElse(any.unitOfMeasure());
        Money receivedAmount = new Money(sums.receivedAmount(), CurrencyCode.of(currency));
        Money invoicedAmount = new Money(sums.invoicedAmount(), CurrencyCode.of(currency));
        return Optional.of(new AccrualLine(PurchaseOrderId.of(any.purchaseOrderId()), any.lineNumber(),
                LegalEntityId.of(any.legalEntity()), SupplierId.of(any.supplierId()), CurrencyCode.of(currency),
                sums.side(), unit,
                quantity(facts, FactKind.ORDERED), sums.received(), sums.invoiced(), quantity(facts, FactKind.MATCHED),
                quantity(facts, FactKind.PAID), amount(facts, FactKind.ORDERED, currency), receivedAmount,
                invoicedAmount, amount(facts, FactKind.MATCHED, currency), amount(facts, FactKind.PAID, currency),
                new Money(sums.openAmount(), CurrencyCode.of(currency)),
                orderVersion, erpVersion, systems(facts, FactKind.RECEIVED), systems(facts, FactKind.INVOICED),
                facts.stream().map(AccrualFact::occurredAt).max(Comparator.naturalOrder()).orElseThrow(),
                facts.stream().map(AccrualFact::recordedAt).max(Comparator.naturalOrder()).orElseThrow(),
                Evidence.of(criteria, facts, erpVersion).variances(facts)));
    }

    /**
     * The sums that decide whether a line is open and on which side, in one pass; null for a line that accrues on
     * another basis (a service: no goods receipt required). Amounts count only facts in the order's currency: a
     * fact in another currency cannot be added to them (CURRENCY_MISMATCH).
     */
    private record Sums(BigDecimal received, BigDecimal invoiced, BigDecimal receivedAmount,
                        BigDecimal invoicedAmount, Integer erpVersion) {

        static Sums of(List<AccrualFact> facts) {
            String currency = facts.get(0).currency();
            BigDecimal received = BigDecimal.ZERO;
            BigDecimal invoiced = BigDecimal.ZERO;
            BigDecimal receivedAmount = BigDecimal.ZERO;
            BigDecimal invoicedAmount = BigDecimal.ZERO;
            Integer erpVersion = null;
            for (AccrualFact fact : facts) {
                if (!fact.goodsReceiptRequired()) {
                    return null;
                }
                switch (fact.kind()) {
                    case RECEIVED -> {
                        received = received.add(fact.quantity());
                        if (fact.factCurrency().equals(currency)) {
                            receivedAmount = receivedAmount.add(fact.amount());
                        }
                    }
                    case INVOICED -> {
                        invoiced = invoiced.add(fact.quantity());
                        if (fact.factCurrency().equals(currency)) {
                            invoicedAmount = invoicedAmount.add(fact.amount());
                        }
                    }
                    case ORDER_POSTED_IN_ERP -> erpVersion = erpVersion == null
                            ? fact.orderVersion() : Math.max(erpVersion, fact.orderVersion());
                    default -> {
                    }
                }
            }
            return new Sums(received, invoiced, receivedAmount, invoicedAmount, erpVersion);
        }

        int open() {
            return received.compareTo(invoiced);
        }

        AccrualSide side() {
            return open() > 0 ? AccrualSide.RECEIVED_NOT_INVOICED : AccrualSide.INVOICED_NOT_RECEIVED;
        }

        BigDecimal openAmount() {
            return receivedAmount.subtract(invoicedAmount);
        }
    }

    /**
     * The facts that prove each variance reason of a line: invoices the ERP posted that the ledger has not matched,
     * the order version the ERP has not caught up with, facts recorded after the close, invoices in another
     * currency, receipts the routed ERP has not posted, invoices billed to another legal entity. The reasons alone
     * feed the balances; the report describes each from its facts.
     */
    private record Evidence(Collection<AccrualFact> postedUnmatched, AccrualFact changedSinceErp, Integer erpVersion,
                            List<AccrualFact> late, List<AccrualFact> foreign, List<AccrualFact> notPostedInErp,
                            List<AccrualFact> otherEntity) {

        static Evidence of(AccrualCriteria criteria, List<AccrualFact> facts, Integer erpVersion) {
            Map<String, AccrualFact> postedUnmatched = new LinkedHashMap<>();
            Set<String> matched = new HashSet<>();
            AccrualFact changed = null;
            List<AccrualFact> late = new ArrayList<>();
            List<AccrualFact> foreign = new ArrayList<>();
            List<AccrualFact> notPostedInErp = new ArrayList<>();
            List<AccrualFact> otherEntity = new ArrayList<>();
            // The ERP that books the accrual: its own receipts and its postings of others' are in its GR/IR account.
            String erp = facts.get(0).routedTo();
            Set<String> postedReceipts = new HashSet<>();
            Set<String> receipts = new HashSet<>();
            for (AccrualFact fact : facts) {
                if (fact.kind() == FactKind.MATCHED) {
                    matched.add(fact.invoiceId());
                }
                if (fact.kind() == FactKind.RECEIVED) {
                    receipts.add(fact.reference());
                }
                if (fact.kind() == FactKind.RECEIPT_POSTED_IN_ERP && fact.sourceSystem().equals(erp)) {
                    postedReceipts.add(fact.reference());
                }
            }
            for (AccrualFact fact : facts) {
                if (fact.kind() == FactKind.INVOICE_POSTED_IN_ERP && !matched.contains(fact.invoiceId())) {
                    postedUnmatched.putIfAbsent(fact.invoiceId(), fact);
                }
                if (erpVersion != null && fact.kind() == FactKind.ORDERED && fact.orderVersion() > erpVersion
                        && (changed == null || fact.orderVersion() > changed.orderVersion())) {
                    changed = fact;
                }
                // A posting of a receipt the ledger did not know yet sits on every line; it is a fact of the line
                // only once the line has that receipt.
                boolean otherReceipt = fact.kind() == FactKind.RECEIPT_POSTED_IN_ERP
                        && !receipts.contains(fact.reference());
                if (criteria.late(fact) && !otherReceipt) {
                    late.add(fact);
                }
                if (fact.kind() == FactKind.INVOICED && !fact.factCurrency().equals(fact.currency())) {
                    foreign.add(fact);
                }
                if (erp != null && fact.kind() == FactKind.RECEIVED && !fact.sourceSystem().equals(erp)
                        && !postedReceipts.contains(fact.reference())) {
                    notPostedInErp.add(fact);
                }
                if (fact.kind() == FactKind.BILLED_TO_OTHER_ENTITY) {
                    otherEntity.add(fact);
                }
            }
            return new Evidence(postedUnmatched.values(), changed, erpVersion, late, foreign, notPostedInErp,
                    otherEntity);
        }

        Set<VarianceReason> reasons() {
            Set<VarianceReason> reasons = EnumSet.noneOf(VarianceReason.class);
            if (!postedUnmatched.isEmpty()) {
                reasons.add(VarianceReason.INVOICE_POSTED_UNMATCHED);
            }
            if (changedSinceErp != null) {
                reasons.add(VarianceReason.ERP_HOLDS_OLDER_ORDER_VERSION);
            }
            if (!late.isEmpty()) {
                reasons.add(VarianceReason.LATE_FACT);
            }
            if (!foreign.isEmpty()) {
                reasons.add(VarianceReason.CURRENCY_MISMATCH);
            }
            if (!notPostedInErp.isEmpty()) {
                reasons.add(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP);
            }
            if (!otherEntity.isEmpty()) {
                reasons.add(VarianceReason.LEGAL_ENTITY_MISMATCH);
            }
            return reasons;
        }

        List<LineVariance> variances(List<AccrualFact> facts) {
            List<LineVariance> variances = new ArrayList<>();
            postedUnmatched.forEach(posted -> variances.add(new LineVariance(
                    VarianceReason.INVOICE_POSTED_UNMATCHED, "invoice " + posted.invoiceId() + " posted by "
                    + posted.sourceSystem() + " as " + posted.reference() + ", not matched in the ledger",
                    posted.recordedAt())));
            if (changedSinceErp != null) {
                variances.add(new LineVariance(VarianceReason.ERP_HOLDS_OLDER_ORDER_VERSION, erpHolder(facts)
                        + " holds order version " + erpVersion + "; the line changed in version "
                        + changedSinceErp.orderVersion(), changedSinceErp.recordedAt()));
            }
            if (!late.isEmpty()) {
                variances.add(new LineVariance(VarianceReason.LATE_FACT, late.stream()
                        .map(f -> f.kind() + " " + Optional.ofNullable(f.reference()).orElse("") + " from "
                                + f.sourceSystem() + " recorded " + f.recordedAt())
                        .collect(Collectors.joining("; ")),
                        late.stream().map(AccrualFact::recordedAt).max(Comparator.naturalOrder()).orElseThrow()));
            }
            foreign.forEach(fact -> variances.add(new LineVariance(VarianceReason.CURRENCY_MISMATCH,
                    "invoice " + fact.invoiceId() + " bills " + fact.amount().toPlainString() + " "
                            + fact.factCurrency() + " on a " + fact.currency() + " order", fact.recordedAt())));
            if (!notPostedInErp.isEmpty()) {
                AccrualFact first = notPostedInErp.get(0);
                BigDecimal lacking = notPostedInErp.stream().map(AccrualFact::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                variances.add(new LineVariance(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP, notPostedInErp.stream()
                        .map(f -> "receipt " + f.reference() + " (" + f.quantity().toPlainString() + " "
                                + f.unitOfMeasure() + ", " + f.amount().toPlainString() + " " + f.currency()
                                + ") reported by " + f.sourceSystem())
                        .collect(Collectors.joining("; ")) + ": not posted by " + first.routedTo()
                        + " by the period end, so its accrual lacks " + lacking.toPlainString() + " "
                        + first.currency(), latest(notPostedInErp)));
            }
            if (!otherEntity.isEmpty()) {
                variances.add(new LineVariance(VarianceReason.LEGAL_ENTITY_MISMATCH, otherEntity.stream()
                        .map(f -> "invoice " + f.invoiceId() + " (" + f.quantity().toPlainString() + " "
                                + f.unitOfMeasure() + ", " + f.amount().toPlainString() + " " + f.factCurrency()
                                + ") is billed to " + f.reference() + ", not " + f.legalEntity())
                        .collect(Collectors.joining("; ")) + ": booked in the other entity's books, it does not "
                        + "offset this receipt in the ERP", latest(otherEntity)));
            }
            return variances;
        }

        private static Instant latest(List<AccrualFact> facts) {
            return facts.stream().map(AccrualFact::recordedAt).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    /** A line of an order, ordered by order id and then line number, as the report lists lines. */
    private record LineKey(String purchaseOrderId, int lineNumber) implements Comparable<LineKey> {

        @Override
        public int compareTo(LineKey other) {
            int byOrder = purchaseOrderId.compareTo(other.purchaseOrderId);
            return byOrder != 0 ? byOrder : Integer.compare(lineNumber, other.lineNumber);
        }
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
