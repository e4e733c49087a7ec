package org.integrationledger.query.accrual;

import org.integrationledger.model.accrual.AccrualReport;
import org.integrationledger.model.accrual.VarianceReport;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.query.fold.Envelope;
import org.integrationledger.query.fold.Fold;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Given events, then report: records events through the view's fold ({@link AccrualEvents}) into an in-memory fact table (the
 * projection's job) and answers reports by {@link AccrualReportRules} over those facts.
 */
final class AccrualFixture {

    static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    static final SupplierId SUPPLIER = SupplierId.of("SUP-1");

    private final Fold<Object, OrderFacts> fold = AccrualEvents.fold();
    /** The order each invoice's receipt named. */
    private final Map<String, String> links = new HashMap<>();
    final List<AccrualFact> facts = new ArrayList<>();
    /** The balance changes the projection would have written, per business day and per day and recorded instant. */
    final List<AccrualBalances.Delta> days = new ArrayList<>();
    final List<AccrualBalances.Delta> known = new ArrayList<>();

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static PurchaseOrderLine line(int number, String quantity, String unit, String price, String currency) {
        return new PurchaseOrderLine(number, "item " + number, Quantity.of(quantity, unit),
                UnitPrice.of(price, currency), true);
    }

    static PurchaseOrderLine service(int number, String quantity, String price, String currency) {
        return new PurchaseOrderLine(number, "service " + number, Quantity.of(quantity, "H"),
                UnitPrice.of(price, currency), false);
    }

    void issued(String order, String legalEntity, Instant occurredAt, Instant recordedAt, PurchaseOrderLine... lines) {
        Money total = List.of(lines).stream().map(PurchaseOrderLine::amount).reduce(Money::plus).orElseThrow();
        fold(new PurchaseOrderIssued(PurchaseOrderId.of(order), SUPPLIER,
                LegalEntityId.of(legalEntity), ERP_EMEA, "REQ-" + order, List.of(lines), total, 1, null,
                PROCUREMENT, occurredAt), recordedAt);
    }

    void amended(String order, int version, Instant occurredAt, Instant recordedAt, PurchaseOrderLine... lines) {
        Money total = List.of(lines).stream().map(PurchaseOrderLine::amount).reduce(Money::plus).orElseThrow();
        fold(new PurchaseOrderAmended(PurchaseOrderId.of(order), version,
                List.of(lines), total, total, "price change", false, PROCUREMENT, occurredAt), recordedAt);
    }

    void received(String order, String receipt, int line, String quantity, String unit, SystemId from,
                  Instant occurredAt, Instant recordedAt) {
        fold(new GoodsReceived(PurchaseOrderId.of(order), receipt,
                List.of(new ReceiptLine(line, Quantity.of(quantity, unit))), false, from, occurredAt),
                recordedAt);
    }

    /** The ERP reports that it posted the goods receipt (the routed ERP unless {@code erp} says another). */
    void receiptPostedInErp(String order, String receipt, SystemId erp, Instant occurredAt, Instant recordedAt) {
        fold(new GoodsReceiptPostedInErp(PurchaseOrderId.of(order), receipt, "50000" + receipt, true,
                !erp.equals(ERP_EMEA), erp, occurredAt), recordedAt);
    }

    void receiptPostedInErp(String order, String receipt, Instant occurredAt, Instant recordedAt) {
        receiptPostedInErp(order, receipt, ERP_EMEA, occurredAt, recordedAt);
    }

    void postedInErp(String order, int version, Instant occurredAt, Instant recordedAt) {
        fold(new PurchaseOrderPostedInErp(PurchaseOrderId.of(order),
                "45000" + order, version, null, null, ERP_EMEA, occurredAt), recordedAt);
    }

    void invoiced(String order, String invoice, String legalEntity, int poLine, String quantity, String unit,
                  String price, String currency, Instant occurredAt, Instant recordedAt) {
        invoiced(order, invoice, legalEntity, null, poLine, quantity, unit, price, currency, occurredAt, recordedAt);
    }

    /** An invoice that says the legal entity it is billed to ({@code billedTo}; null: it does not say). */
    void invoiced(String order, String invoice, String legalEntity, String billedTo, int poLine, String quantity,
                  String unit, String price, String currency, Instant occurredAt, Instant recordedAt) {
        InvoiceLine line = new InvoiceLine(1, poLine, Quantity.of(quantity, unit), UnitPrice.of(price, currency),
                "S1");
        Money net = line.amount();
        fold(new InvoiceReceived(InvoiceId.of(invoice), LegalEntityId.of(legalEntity),
                billedTo == null ? null : LegalEntityId.of(billedTo), SUPPLIER, SupplierInvoiceNumber.of("SI-" + invoice),
                "SI" + invoice, LocalDate.parse("2026-12-01"),
                PurchaseOrderId.of(order), ERP_EMEA, "EMEA", "AP-EMEA", "EU_VAT", List.of(line), net,
                Money.zero(net.currency()), net, "clerk", PROCUREMENT, occurredAt), recordedAt);
    }

    void matched(String order, String invoice, String legalEntity, Instant occurredAt, Instant recordedAt) {
        fold(new InvoiceMatched(InvoiceId.of(invoice), LegalEntityId.of(legalEntity),
                PurchaseOrderId.of(order), List.of(), "INVOICE_RECEIVED", PROCUREMENT, occurredAt),
                recordedAt);
    }

    void invoicePosted(String order, String invoice, String legalEntity, Instant occurredAt, Instant recordedAt) {
        fold(new InvoicePostedInErp(InvoiceId.of(invoice),
                LegalEntityId.of(legalEntity), "51000" + invoice, "2026-12", ERP_EMEA, occurredAt),
                recordedAt);
    }

    void paid(String order, String invoice, String legalEntity, Money amount, Money gross, Instant occurredAt,
              Instant recordedAt) {
        fold(new InvoicePaymentExecuted(InvoiceId.of(invoice),
                LegalEntityId.of(legalEntity), SUPPLIER, "PAY-" + invoice, amount, LocalDate.parse("2026-12-20"),
                amount, gross, null, SystemId.of("TREASURY"), occurredAt), recordedAt);
    }

    /**
     * The report folded from every fact; before answering, checks that the running balances give the same totals
     * (as known at knownAt, and as known now when knownAt is after every fact), so every given-then test is a test
     * of the balances too.
     */
    AccrualReport report(String periodEnd, Instant knownAt) {
        AccrualCriteria criteria = criteria(periodEnd, knownAt);
        AccrualReport report = AccrualReportRules.report(criteria, facts);
        requireBalancesAgree(criteria, report.groups(), AccrualQueries.groups(totals(criteria, false)));
        if (knownAfterEveryFact(knownAt)) {
            requireBalancesAgree(criteria, report.groups(), AccrualQueries.groups(totals(criteria, true)));
        }
        return report;
    }

    VarianceReport variances(String periodEnd, Instant knownAt) {
        AccrualCriteria criteria = criteria(periodEnd, knownAt);
        VarianceReport report = AccrualReportRules.variances(criteria, facts);
        requireBalancesAgree(criteria, report.totals(), AccrualQueries.varianceTotals(totals(criteria, false)));
        if (knownAfterEveryFact(knownAt)) {
            requireBalancesAgree(criteria, report.totals(), AccrualQueries.varianceTotals(totals(criteria, true)));
        }
        return report;
    }

    /**
     * The balances summed as {@link AccrualFacts#totals} sums the stored rows: per business day up to the period
     * end ({@code knownNow}), or per business day and recorded instant up to knownAt as well.
     */
    List<AccrualFacts.Total> totals(AccrualCriteria criteria, boolean knownNow) {
        Map<AccrualBalances.Key, AccrualBalances.Amounts> sums = new TreeMap<>(Comparator
                .comparing(AccrualBalances.Key::legalEntity).thenComparing(AccrualBalances.Key::currency)
                .thenComparing(AccrualBalances.Key::measure));
        for (AccrualBalances.Delta delta : knownNow ? days : known) {
            boolean inside = !delta.day().isAfter(criteria.periodEnd())
                    && (knownNow || !delta.recordedAt().isAfter(criteria.knownAt()))
                    && (criteria.legalEntity() == null || criteria.legalEntity().equals(delta.key().legalEntity()))
                    && (criteria.currency() == null || criteria.currency().equals(delta.key().currency()));
            if (inside) {
                sums.merge(delta.key(), delta.amounts(), AccrualBalances.Amounts::plus);
            }
        }
        return sums.entrySet().stream().filter(sum -> !sum.getValue().isZero())
                .map(sum -> new AccrualFacts.Total(sum.getKey().legalEntity(), sum.getKey().currency(),
                        sum.getKey().measure(), sum.getValue().lines(), sum.getValue().amount()))
                .toList();
    }

    private boolean knownAfterEveryFact(Instant knownAt) {
        return facts.stream().noneMatch(fact -> fact.recordedAt().isAfter(knownAt));
    }

    private static void requireBalancesAgree(AccrualCriteria criteria, Object folded, Object fromBalances) {
        if (!folded.equals(fromBalances)) {
            throw new AssertionError("balances disagree with the fold at " + criteria + ":\n folded:   " + folded
                    + "\n balances: " + fromBalances);
        }
    }

    static AccrualCriteria criteria(String periodEnd, Instant knownAt) {
        return new AccrualCriteria(LocalDate.parse(periodEnd), knownAt, null, null, null);
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    /**
     * Applies an event as the projection does, through the view's fold: its order's facts as the table holds them,
     * the facts it adds, and the balance changes they make.
     */
    private void fold(Object event, Instant recordedAt) {
        if (!fold.folds(event)) {
            return;
        }
        String via = fold.keyVia(event);
        String order = via == null ? fold.key(event) : links.get(via);
        if (order == null) {
            return;
        }
        OrderFacts state = OrderFacts.of(order, facts.stream().filter(f -> f.purchaseOrderId().equals(order))
                .toList());
        OrderFacts after = fold.apply(state, event, new Envelope(UUID.randomUUID().toString(), 0, null, recordedAt,
                Map.of()));
        facts.addAll(after.added());
        AccrualBalances.Changes changes = AccrualBalances.of(after);
        days.addAll(changes.days());
        known.addAll(changes.known());
        String linked = fold.link(event);
        if (linked != null) {
            links.putIfAbsent(linked, order);
        }
    }
}
