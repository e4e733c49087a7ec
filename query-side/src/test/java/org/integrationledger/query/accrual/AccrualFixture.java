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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Given events, then report: records events through {@link AccrualFold} into an in-memory fact table (the
 * projection's job) and answers reports by {@link AccrualReportRules} over those facts.
 */
final class AccrualFixture {

    static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    static final SupplierId SUPPLIER = SupplierId.of("SUP-1");

    final List<AccrualFact> facts = new ArrayList<>();

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
        fold(order, s -> AccrualFold.apply(s, new PurchaseOrderIssued(PurchaseOrderId.of(order), SUPPLIER,
                LegalEntityId.of(legalEntity), ERP_EMEA, "REQ-" + order, List.of(lines), total, 1, null,
                PROCUREMENT, occurredAt), recorded(recordedAt)));
    }

    void amended(String order, int version, Instant occurredAt, Instant recordedAt, PurchaseOrderLine... lines) {
        Money total = List.of(lines).stream().map(PurchaseOrderLine::amount).reduce(Money::plus).orElseThrow();
        fold(order, s -> AccrualFold.apply(s, new PurchaseOrderAmended(PurchaseOrderId.of(order), version,
                List.of(lines), total, total, "price change", false, PROCUREMENT, occurredAt), recorded(recordedAt)));
    }

    void received(String order, String receipt, int line, String quantity, String unit, SystemId from,
                  Instant occurredAt, Instant recordedAt) {
        fold(order, s -> AccrualFold.apply(s, new GoodsReceived(PurchaseOrderId.of(order), receipt,
                List.of(new ReceiptLine(line, Quantity.of(quantity, unit))), false, from, occurredAt),
                recorded(recordedAt)));
    }

    void postedInErp(String order, int version, Instant occurredAt, Instant recordedAt) {
        fold(order, s -> AccrualFold.apply(s, new PurchaseOrderPostedInErp(PurchaseOrderId.of(order),
                "45000" + order, version, null, null, ERP_EMEA, occurredAt), recorded(recordedAt)));
    }

    void invoiced(String order, String invoice, String legalEntity, int poLine, String quantity, String unit,
                  String price, String currency, Instant occurredAt, Instant recordedAt) {
        InvoiceLine line = new InvoiceLine(1, poLine, Quantity.of(quantity, unit), UnitPrice.of(price, currency),
                "S1");
        Money net = line.amount();
        fold(order, s -> AccrualFold.apply(s, new InvoiceReceived(InvoiceId.of(invoice), LegalEntityId.of(legalEntity),
                SUPPLIER, SupplierInvoiceNumber.of("SI-" + invoice), "SI" + invoice, LocalDate.parse("2026-12-01"),
                PurchaseOrderId.of(order), ERP_EMEA, "EMEA", "AP-EMEA", "EU_VAT", List.of(line), net,
                Money.zero(net.currency()), net, "clerk", PROCUREMENT, occurredAt), recorded(recordedAt)));
    }

    void matched(String order, String invoice, String legalEntity, Instant occurredAt, Instant recordedAt) {
        fold(order, s -> AccrualFold.apply(s, new InvoiceMatched(InvoiceId.of(invoice), LegalEntityId.of(legalEntity),
                PurchaseOrderId.of(order), List.of(), "INVOICE_RECEIVED", PROCUREMENT, occurredAt),
                recorded(recordedAt)));
    }

    void invoicePosted(String order, String invoice, String legalEntity, Instant occurredAt, Instant recordedAt) {
        fold(order, s -> AccrualFold.apply(s, new InvoicePostedInErp(InvoiceId.of(invoice),
                LegalEntityId.of(legalEntity), "51000" + invoice, "2026-12", ERP_EMEA, occurredAt),
                recorded(recordedAt)));
    }

    void paid(String order, String invoice, String legalEntity, Money amount, Money gross, Instant occurredAt,
              Instant recordedAt) {
        fold(order, s -> AccrualFold.apply(s, new InvoicePaymentExecuted(InvoiceId.of(invoice),
                LegalEntityId.of(legalEntity), SUPPLIER, "PAY-" + invoice, amount, LocalDate.parse("2026-12-20"),
                amount, gross, null, SystemId.of("TREASURY"), occurredAt), recorded(recordedAt)));
    }

    AccrualReport report(String periodEnd, Instant knownAt) {
        return AccrualReportRules.report(criteria(periodEnd, knownAt), facts);
    }

    VarianceReport variances(String periodEnd, Instant knownAt) {
        return AccrualReportRules.variances(criteria(periodEnd, knownAt), facts);
    }

    static AccrualCriteria criteria(String periodEnd, Instant knownAt) {
        return new AccrualCriteria(LocalDate.parse(periodEnd), knownAt, null, null, null);
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    private void fold(String order, UnaryOperator<OrderFacts> event) {
        OrderFacts state = OrderFacts.of(order, facts.stream().filter(f -> f.purchaseOrderId().equals(order)).toList());
        facts.addAll(event.apply(state).added());
    }

    private static Recorded recorded(Instant recordedAt) {
        return new Recorded(UUID.randomUUID().toString(), recordedAt);
    }
}
