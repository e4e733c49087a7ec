package org.integrationledger.query.accrual;

import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.query.fold.Envelope;
import org.integrationledger.query.fold.FoldFixture;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.integrationledger.query.accrual.AccrualFixture.ERP_EMEA;
import static org.integrationledger.query.accrual.AccrualFixture.PROCUREMENT;
import static org.integrationledger.query.accrual.AccrualFixture.SUPPLIER;
import static org.integrationledger.query.accrual.AccrualFixture.line;
import static org.integrationledger.query.accrual.AccrualFixture.service;
import static org.integrationledger.query.fold.FoldFixture.recorded;

/**
 * The accrual view's fold: given these events, the facts of each purchase order (docs/accruals.md, "Facts"), as the
 * host keeps them live, rebuilt and as of an instant.
 */
class AccrualEventsTest {

    private static final String ORDER = "PO-1";
    private static final String INVOICE = "INV-1";
    private static final Instant DEC_01 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant DEC_10 = Instant.parse("2026-12-10T09:00:00Z");
    private static final Instant DEC_20 = Instant.parse("2026-12-20T09:00:00Z");

    private final FoldFixture<Object, OrderFacts> fixture = FoldFixture.of(AccrualEvents.fold());

    @Test
    void anIssuedOrderOrdersEachLineAtItsPriceUnderTheEventsIdAndRecordedTime() {
        OrderFacts order = state(issued(line(1, "10", "EA", "12.50", "EUR"), service(2, "3", "100", "EUR")));

        assertThat(order.facts()).extracting(AccrualFact::eventId, AccrualFact::ordinal, AccrualFact::lineNumber,
                        AccrualFact::kind, f -> plain(f.quantity()), f -> plain(f.amount()),
                        f -> plain(f.unitPrice()), AccrualFact::goodsReceiptRequired, AccrualFact::reference)
                .containsExactly(
                        tuple("event-1", 0, 1, FactKind.ORDERED, "10", "125", "12.5", true, "REQ-PO-1"),
                        tuple("event-1", 1, 2, FactKind.ORDERED, "3", "300", "100", false, "REQ-PO-1"));
        assertThat(order.facts()).allSatisfy(fact -> {
            assertThat(fact.purchaseOrderId()).isEqualTo(ORDER);
            assertThat(fact.legalEntity()).isEqualTo("DE01");
            assertThat(fact.supplierId()).isEqualTo(SUPPLIER.value());
            assertThat(fact.currency()).isEqualTo("EUR");
            assertThat(fact.routedTo()).isEqualTo(ERP_EMEA.value());
            assertThat(fact.sourceSystem()).isEqualTo(PROCUREMENT.value());
            assertThat(fact.occurredAt()).isEqualTo(DEC_01);
            assertThat(fact.recordedAt()).isEqualTo(recorded(0));
        });
        assertThat(order.added()).isEqualTo(order.facts());
    }

    @Test
    void anAmendmentAddsTheDifferenceOfEachChangedNewOrRemovedLineAndNothingForAnUnchangedOne() {
        OrderFacts order = state(issued(line(1, "10", "EA", "10", "EUR"), line(2, "5", "EA", "4", "EUR"),
                        line(3, "1", "EA", "7", "EUR")),
                amended(2, line(1, "6", "EA", "10", "EUR"), line(2, "5", "EA", "4", "EUR"),
                        line(4, "2", "EA", "1", "EUR")));

        assertThat(order.added()).extracting(AccrualFact::lineNumber, f -> plain(f.quantity()),
                        f -> plain(f.amount()), AccrualFact::orderVersion)
                .containsExactly(tuple(1, "-4", "-40", 2), tuple(4, "2", "2", 2), tuple(3, "-1", "-7", 2));
    }

    @Test
    void goodsAreReceivedAtThePriceInForceWhenTheyArrive() {
        OrderFacts order = state(issued(line(1, "10", "EA", "10", "EUR")),
                amended(2, line(1, "10", "EA", "11", "EUR")), received(1, "4"));

        assertThat(order.added()).singleElement().satisfies(fact -> {
            assertThat(fact.kind()).isEqualTo(FactKind.RECEIVED);
            assertThat(fact.amount()).isEqualByComparingTo("44");
            assertThat(fact.unitPrice()).isEqualByComparingTo("11");
            assertThat(fact.orderVersion()).isEqualTo(2);
            assertThat(fact.reference()).isEqualTo("GR-1");
        });
    }

    @Test
    void anAmendmentOrAReceiptOfAnOrderNotYetIssuedAddsNothing() {
        fixture.given(amended(2, line(1, "6", "EA", "10", "EUR")), received(1, "4"));

        assertThat(fixture.state(ORDER).facts()).isEmpty();
    }

    @Test
    void onlyTheRoutedErpsAcknowledgmentSaysWhatTheErpHolds() {
        OrderFacts other = state(issued(line(1, "10", "EA", "10", "EUR")),
                new PurchaseOrderPostedInErp(PurchaseOrderId.of(ORDER), "45-1", 1, null, null, SystemId.of("ERP_NA"),
                        DEC_10));
        assertThat(other.added()).isEmpty();

        OrderFacts routed = state(new PurchaseOrderPostedInErp(PurchaseOrderId.of(ORDER), "45-1", 1, null, null,
                ERP_EMEA, DEC_10));
        assertThat(routed.added()).extracting(AccrualFact::kind, AccrualFact::orderVersion, AccrualFact::reference,
                        f -> plain(f.quantity()))
                .containsExactly(tuple(FactKind.ORDER_POSTED_IN_ERP, 1, "45-1", "0"));
    }

    @Test
    void anInvoiceIsFoldedIntoItsOrderAndItsPostingAndPaymentReachTheOrderThroughItsReceipt() {
        fixture.given(issued(line(1, "10", "EA", "10", "EUR")), invoiced(1, "4", "10"), matched(), posted(),
                paid("40.00", "40.00"));

        assertThat(fixture.touched(INVOICE)).as("no state of the invoice's own").isFalse();
        assertThat(fixture.state(ORDER).facts()).extracting(AccrualFact::kind, AccrualFact::invoiceId,
                        f -> plain(f.quantity()), AccrualFact::reference)
                .containsExactly(
                        tuple(FactKind.ORDERED, null, "10", "REQ-PO-1"),
                        tuple(FactKind.INVOICED, INVOICE, "4", "SI-INV-1"),
                        tuple(FactKind.MATCHED, INVOICE, "4", "INVOICE_RECEIVED"),
                        tuple(FactKind.INVOICE_POSTED_IN_ERP, INVOICE, "4", "51-INV-1"),
                        tuple(FactKind.PAID, INVOICE, "4", "PAY-1"));
    }

    @Test
    void aPostingOrPaymentOfAnInvoiceWhoseReceiptWasNotSeenFoldsIntoNoOrder() {
        fixture.given(issued(line(1, "10", "EA", "10", "EUR")), posted(), paid("40.00", "40.00"));

        assertThat(fixture.state(ORDER).facts()).extracting(AccrualFact::kind).containsExactly(FactKind.ORDERED);
        assertThat(fixture.touched(INVOICE)).isFalse();
    }

    @Test
    void aPartialPaymentAndASecondMatchAddNothing() {
        OrderFacts order = state(issued(line(1, "10", "EA", "10", "EUR")), invoiced(1, "4", "10"), matched(),
                matched(), paid("10.00", "40.00"));

        assertThat(order.added()).isEmpty();
        assertThat(order.facts()).extracting(AccrualFact::kind)
                .containsExactly(FactKind.ORDERED, FactKind.INVOICED, FactKind.MATCHED);
    }

    @Test
    void anInvoiceAheadOfItsOrderKeepsTheInvoicesHeaderAndTheOrderFollows() {
        OrderFacts order = state(invoiced(1, "4", "10"), issued(line(1, "10", "EA", "10", "EUR")));

        assertThat(order.facts()).extracting(AccrualFact::kind, AccrualFact::goodsReceiptRequired)
                .containsExactly(tuple(FactKind.INVOICED, true), tuple(FactKind.ORDERED, true));
    }

    @Test
    void eventsThatMoveNoPositionAreNotFoldedAtAll() {
        fixture.given(new RequisitionApproved(PurchaseOrderId.of(ORDER), "REQ-1", "buyer", LegalEntityId.of("DE01"),
                        PROCUREMENT, DEC_01),
                new InvoiceTaxValidated(InvoiceId.of(INVOICE), LegalEntityId.of("DE01"), "EU_VAT",
                        SystemId.of("TAX_ENGINE"), DEC_01));
        assertThat(fixture.touched(ORDER)).isFalse();
        assertThat(fixture.touched(INVOICE)).isFalse();

        OrderFacts before = state(issued(line(1, "10", "EA", "10", "EUR")));
        fixture.given(new PurchaseOrderCancelled(PurchaseOrderId.of(ORDER), "no longer needed", PROCUREMENT, DEC_20));
        assertThat(fixture.state(ORDER)).as("the same state, with its issue's facts as added").isSameAs(before);
    }

    @Test
    void anEventDeliveredAgainAddsNothing() {
        fixture.given(issued(line(1, "10", "EA", "10", "EUR")));
        Envelope receipt = new Envelope("receipt-1", 0, null, DEC_10, Map.of());
        fixture.recordedAs(receipt, received(1, "4"));
        fixture.recordedAs(receipt, received(1, "4"));

        assertThat(fixture.state(ORDER).added()).isEmpty();
        assertThat(fixture.state(ORDER).facts()).extracting(AccrualFact::kind)
                .containsExactly(FactKind.ORDERED, FactKind.RECEIVED);
    }

    @Test
    void factsAreKeptInTheTablesOrderWhenAnEventRecordedEarlierIsAppliedLater() {
        fixture.given(issued(line(1, "10", "EA", "10", "EUR")));
        fixture.recordedAt(recorded(10), received(1, "4"));
        // A concurrent append: the invoice was recorded before the receipt but is applied after it.
        fixture.recordedAt(recorded(5), invoiced(1, "2", "10"));

        assertThat(fixture.state(ORDER).facts()).extracting(AccrualFact::kind)
                .containsExactly(FactKind.ORDERED, FactKind.INVOICED, FactKind.RECEIVED);
        assertThat(fixture.state(ORDER).added()).extracting(AccrualFact::kind).containsExactly(FactKind.INVOICED);
    }

    @Test
    void anOrdersStateSurvivesBeingSpilledByARebuild() throws Exception {
        OrderFacts order = state(issued(line(1, "10", "EA", "12.50", "EUR")), invoiced(1, "4", "12.50"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(order);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(order);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private OrderFacts state(Object... events) {
        fixture.given(events);
        return fixture.state(ORDER);
    }

    private static PurchaseOrderIssued issued(PurchaseOrderLine... lines) {
        Money total = List.of(lines).stream().map(PurchaseOrderLine::amount).reduce(Money::plus).orElseThrow();
        return new PurchaseOrderIssued(PurchaseOrderId.of(ORDER), SUPPLIER, LegalEntityId.of("DE01"), ERP_EMEA,
                "REQ-" + ORDER, List.of(lines), total, 1, null, PROCUREMENT, DEC_01);
    }

    private static PurchaseOrderAmended amended(int version, PurchaseOrderLine... lines) {
        Money total = List.of(lines).stream().map(PurchaseOrderLine::amount).reduce(Money::plus).orElseThrow();
        return new PurchaseOrderAmended(PurchaseOrderId.of(ORDER), version, List.of(lines), total, total,
                "price change", false, PROCUREMENT, DEC_10);
    }

    private static GoodsReceived received(int line, String quantity) {
        return new GoodsReceived(PurchaseOrderId.of(ORDER), "GR-1",
                List.of(new ReceiptLine(line, Quantity.of(quantity, "EA"))), false, PROCUREMENT, DEC_10);
    }

    private static InvoiceReceived invoiced(int poLine, String quantity, String price) {
        InvoiceLine line = new InvoiceLine(1, poLine, Quantity.of(quantity, "EA"),
                org.integrationledger.model.purchaseorder.UnitPrice.of(price, "EUR"), "S1");
        Money net = line.amount();
        return new InvoiceReceived(InvoiceId.of(INVOICE), LegalEntityId.of("DE01"), SUPPLIER,
                SupplierInvoiceNumber.of("SI-" + INVOICE), "SI" + INVOICE, LocalDate.parse("2026-12-01"),
                PurchaseOrderId.of(ORDER), ERP_EMEA, "EMEA", "AP-EMEA", "EU_VAT", List.of(line), net,
                Money.zero(net.currency()), net, "clerk", PROCUREMENT, DEC_20);
    }

    private static InvoiceMatched matched() {
        return new InvoiceMatched(InvoiceId.of(INVOICE), LegalEntityId.of("DE01"), PurchaseOrderId.of(ORDER),
                List.of(), "INVOICE_RECEIVED", PROCUREMENT, DEC_20);
    }

    private static InvoicePostedInErp posted() {
        return new InvoicePostedInErp(InvoiceId.of(INVOICE), LegalEntityId.of("DE01"), "51-" + INVOICE, "2026-12",
                ERP_EMEA, DEC_20);
    }

    private static InvoicePaymentExecuted paid(String totalPaid, String gross) {
        return new InvoicePaymentExecuted(InvoiceId.of(INVOICE), LegalEntityId.of("DE01"), SUPPLIER, "PAY-1",
                Money.of(totalPaid, "EUR"), LocalDate.parse("2026-12-20"), Money.of(totalPaid, "EUR"),
                Money.of(gross, "EUR"), null, SystemId.of("TREASURY"), DEC_20);
    }
}
