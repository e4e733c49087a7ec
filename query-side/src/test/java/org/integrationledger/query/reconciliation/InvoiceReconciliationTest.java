package org.integrationledger.query.reconciliation;

import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.InvoiceTaxValidationFailed;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation view of an invoice (procurement the source, the tax engine, the routed ERP, treasury) and of
 * its payments (treasury executes, procurement must acknowledge the confirmation): given these events, then these
 * positions and divergences.
 */
class InvoiceReconciliationTest {

    private ReconciliationFixture fixture;

    private static final InvoiceId INVOICE = InvoiceId.of("INV-1");
    private static final LegalEntityId US01 = LegalEntityId.of("US01");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");
    private static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    private static final SystemId TAX_ENGINE = SystemId.of("TAX_ENGINE");
    private static final SystemId TREASURY = SystemId.of("TREASURY");
    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
    private static final SystemRegions REGIONS = SystemRegions.of(Map.of("ERP_NA", "NA", "ERP_EMEA", "EMEA"));

    @Test
    void aReceivedInvoiceIsProcurementsAndAwaitsItsRoutedErp() {
        DocumentState invoice = replay(received());

        assertThat(invoice.status()).isEqualTo(DocumentStatus.RECEIVED);
        assertThat(invoice.systems().get("PROCUREMENT").role()).isEqualTo(SystemRole.SOURCE);
        assertThat(invoice.systems().get("PROCUREMENT").state()).isEqualTo(PositionState.RECEIVED);
        assertThat(invoice.systems().get("ERP_NA").role()).isEqualTo(SystemRole.ROUTED);
        assertThat(invoice.systems().get("ERP_NA").state()).isEqualTo(PositionState.PENDING);
        assertThat(flags(invoice)).containsExactly("NOT_ACKNOWLEDGED@ERP_NA");
    }

    @Test
    void aPostingByTheRoutedErpClosesTheGap() {
        DocumentState invoice = replay(received(), matched(), taxValidated(), posted(ERP_NA));

        assertThat(invoice.status()).isEqualTo(DocumentStatus.MATCHED);
        assertThat(invoice.systems().get("TAX_ENGINE").role()).isEqualTo(SystemRole.TAX);
        assertThat(invoice.systems().get("TAX_ENGINE").state()).isEqualTo(PositionState.VALIDATED);
        assertThat(invoice.systems().get("ERP_NA").state()).isEqualTo(PositionState.POSTED);
        assertThat(invoice.systems().get("ERP_NA").status()).isEqualTo(PositionStatus.OPEN);
        assertThat(flags(invoice)).isEmpty();
    }

    @Test
    void aFailedTaxValidationIsARejectionByTheTaxEngine() {
        DocumentState invoice = replay(received(), new InvoiceTaxValidationFailed(INVOICE, US01, "US_SALES_USE_TAX",
                "NA", List.of("RATE_MISMATCH"), "rate differs", TAX_ENGINE, NINE.plusSeconds(300)));

        assertThat(invoice.systems().get("TAX_ENGINE").state()).isEqualTo(PositionState.FAILED);
        assertThat(flags(invoice)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_NA", "REJECTED@TAX_ENGINE");
        assertThat(detail(invoice, "REJECTED")).isEqualTo("tax validation failed (RATE_MISMATCH)");
    }

    @Test
    void aPostingByAnotherErpIsFlaggedWrongSystem() {
        DocumentState invoice = replay(received(), posted(ERP_EMEA));

        assertThat(invoice.systems().get("ERP_EMEA").role()).isEqualTo(SystemRole.OTHER);
        assertThat(flags(invoice)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_NA", "WRONG_SYSTEM@ERP_EMEA");
    }

    @Test
    void aRefusedPostingIsARejectionByTheRoutedErp() {
        DocumentState invoice = replay(received(), new InvoicePostingRejected(INVOICE, US01, "PERIOD_CLOSED",
                "period closed", ERP_NA, NINE.plusSeconds(3_600)));

        assertThat(invoice.systems().get("ERP_NA").state()).isEqualTo(PositionState.REJECTED);
        assertThat(invoice.systems().get("ERP_NA").reference()).isEqualTo("PERIOD_CLOSED");
        assertThat(flags(invoice)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_NA", "REJECTED@ERP_NA");
    }

    @Test
    void aPostingAgainstTheControlIsAStatusMismatchUntilTheInvoiceMatches() {
        DocumentState invoice = replay(received(), posted(ERP_NA), new InvoicePostingControlViolated(INVOICE, US01,
                "51001", MatchStatus.VARIANCE, List.of(), ERP_NA, NINE.plusSeconds(3_700)));

        assertThat(invoice.systems().get("ERP_NA").status()).isEqualTo(PositionStatus.POSTED_UNMATCHED);
        assertThat(flags(invoice)).containsExactly("STATUS_MISMATCH@ERP_NA");

        invoice = then(matched());

        assertThat(invoice.systems().get("ERP_NA").status()).isEqualTo(PositionStatus.OPEN);
        assertThat(flags(invoice)).isEmpty();
    }

    @Test
    void anOverpaymentIsAnAmountMismatchAtTreasury() {
        DocumentState invoice = replay(received(), posted(ERP_NA), executed("PAY-1", "2214.00", "2214.00"),
                executed("PAY-2", "100.00", "2314.00"), new InvoiceOverpaymentFlagged(INVOICE, US01, "PAY-2",
                        usd("2314.00"), usd("2214.00"), usd("100.00"), TREASURY, NINE.plusSeconds(90_000)));

        assertThat(invoice.systems().get("TREASURY").role()).isEqualTo(SystemRole.TREASURY);
        assertThat(invoice.systems().get("TREASURY").state()).isEqualTo(PositionState.PAID);
        assertThat(invoice.systems().get("TREASURY").status()).isEqualTo(PositionStatus.OVERPAID);
        assertThat(flags(invoice)).containsExactly("AMOUNT_MISMATCH@TREASURY");
        assertThat(detail(invoice, "AMOUNT_MISMATCH")).isEqualTo("TREASURY paid 2314.00 USD against a gross of 2214.00 USD");
    }

    @Test
    void aPaymentScheduledByAnotherErpPutsThatErpOnTheInvoice() {
        DocumentState invoice = replay(received(), posted(ERP_NA), new InvoicePaymentScheduled(INVOICE, US01, "PAY-1",
                usd("2214.00"), LocalDate.parse("2026-12-24"), ERP_EMEA, NINE.plusSeconds(14_400), true));

        assertThat(invoice.systems().get("ERP_EMEA").state()).isEqualTo(PositionState.PAYMENT_SCHEDULED);
        assertThat(flags(invoice)).containsExactly("WRONG_SYSTEM@ERP_EMEA");
    }

    @Test
    void anExecutedPaymentAwaitsProcurementsAcknowledgment() {
        DocumentState payment = replayPayment(executed("PAY-1", "2214.00", "2214.00"));

        assertThat(payment.status()).isEqualTo(DocumentStatus.EXECUTED);
        assertThat(payment.systems().get("TREASURY").role()).isEqualTo(SystemRole.SOURCE);
        assertThat(payment.systems().get("PROCUREMENT").role()).isEqualTo(SystemRole.CONFIRMATION);
        assertThat(payment.systems().get("PROCUREMENT").state()).isEqualTo(PositionState.PENDING);
        assertThat(flags(payment)).containsExactly("NOT_ACKNOWLEDGED@PROCUREMENT");
        assertThat(detail(payment, "NOT_ACKNOWLEDGED")).endsWith("(not delivered)");
    }

    @Test
    void aDeliveredConfirmationStaysOpenUntilAcknowledged() {
        DocumentState payment = replayPayment(executed("PAY-1", "2214.00", "2214.00"), delivered(false));

        assertThat(payment.systems().get("PROCUREMENT").state()).isEqualTo(PositionState.DELIVERED);
        assertThat(detail(payment, "NOT_ACKNOWLEDGED")).endsWith("(delivered)");

        payment = thenPayment(new PaymentConfirmationAcknowledged(INVOICE, US01, "PAY-1", NINE.plusSeconds(86_400),
                PROCUREMENT, NINE.plusSeconds(86_700)));

        assertThat(payment.systems().get("PROCUREMENT").state()).isEqualTo(PositionState.ACKNOWLEDGED);
        assertThat(flags(payment)).isEmpty();
    }

    @Test
    void anAcknowledgmentWithoutADeliveryClosesThePayment() {
        replayPayment(executed("PAY-1", "2214.00", "2214.00"));

        DocumentState payment = thenPayment(new PaymentConfirmationAcknowledged(INVOICE, US01, "PAY-1",
                NINE.plusSeconds(86_400), PROCUREMENT, NINE.plusSeconds(86_700)));

        assertThat(payment.systems().get("PROCUREMENT").state()).isEqualTo(PositionState.ACKNOWLEDGED);
        assertThat(payment.systems().get("PROCUREMENT").pendingSince()).isNull();
        assertThat(flags(payment)).isEmpty();
    }

    @Test
    void aConfirmationDeliveredByAnotherErpIsFlaggedWrongSystem() {
        DocumentState payment = replayPayment(executed("PAY-1", "2214.00", "2214.00"), delivered(true));

        assertThat(payment.systems().get("ERP_EMEA").role()).isEqualTo(SystemRole.OTHER);
        assertThat(flags(payment)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@PROCUREMENT", "WRONG_SYSTEM@ERP_EMEA");
    }

    @Test
    void aConfirmationBeforeThePaymentIsKnownOnlyDownstream() {
        DocumentState payment = replayPayment(new PaymentConfirmationAcknowledged(INVOICE, US01, "PAY-1",
                NINE.plusSeconds(86_400), PROCUREMENT, NINE.plusSeconds(86_700)));

        assertThat(flags(payment)).containsExactly("KNOWN_ONLY_DOWNSTREAM@PROCUREMENT");
    }

    private static InvoiceReceived received() {
        return new InvoiceReceived(INVOICE, US01, SupplierId.of("SUP-1"), SupplierInvoiceNumber.of("SI-1"), "SI1",
                LocalDate.parse("2026-11-24"), PurchaseOrderId.of("PO-1"), ERP_NA, "NA", "AP-NA", "US_SALES_USE_TAX",
                List.of(), usd("2050.00"), usd("164.00"), usd("2214.00"), "ap.clerk@example.com", PROCUREMENT, NINE);
    }

    private static InvoiceMatched matched() {
        return new InvoiceMatched(INVOICE, US01, PurchaseOrderId.of("PO-1"), List.of(), "RECEIVED", PROCUREMENT,
                NINE.plusSeconds(1));
    }

    private static InvoiceTaxValidated taxValidated() {
        return new InvoiceTaxValidated(INVOICE, US01, "US_SALES_USE_TAX", TAX_ENGINE, NINE.plusSeconds(300));
    }

    private static InvoicePostedInErp posted(SystemId erp) {
        return new InvoicePostedInErp(INVOICE, US01, "51001", "2026-11", erp, NINE.plusSeconds(3_600));
    }

    private static InvoicePaymentExecuted executed(String reference, String amount, String totalPaid) {
        return new InvoicePaymentExecuted(INVOICE, US01, SupplierId.of("SUP-1"), reference, usd(amount),
                LocalDate.parse("2026-11-25"), usd(totalPaid), usd("2214.00"), null, TREASURY,
                NINE.plusSeconds(86_400));
    }

    private static PaymentConfirmationDelivered delivered(boolean byAnotherErp) {
        return new PaymentConfirmationDelivered(INVOICE, US01, "PAY-1", NINE.plusSeconds(86_400),
                byAnotherErp ? ERP_EMEA : TREASURY, NINE.plusSeconds(86_460), byAnotherErp);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void theInvoiceCarriesProcurementsGrossOrderSupplierAndRoute() {
        DocumentState invoice = replay(received());

        assertThat(invoice.amount()).isEqualByComparingTo("2214.00");
        assertThat(invoice.currency()).isEqualTo("USD");
        assertThat(invoice.parentKey()).isEqualTo("PO-1");
        assertThat(invoice.supplierId()).isEqualTo("SUP-1");
        assertThat(invoice.businessKey()).isEqualTo("SI-1");
        assertThat(invoice.routedTo()).isEqualTo("ERP_NA");
        assertThat(invoice.region()).isEqualTo("NA");
        assertThat(invoice.status()).isEqualTo(DocumentStatus.RECEIVED);
    }

    @Test
    void aTaxValidationAfterAFailureClearsTheRejection() {
        DocumentState invoice = replay(received(), new InvoiceTaxValidationFailed(INVOICE, US01, "US_SALES_USE_TAX",
                "NA", List.of("RATE"), "rate", TAX_ENGINE, NINE.plusSeconds(200)), posted(ERP_NA));
        assertThat(flags(invoice)).containsExactly("REJECTED@TAX_ENGINE");

        invoice = then(taxValidated());

        assertThat(invoice.systems().get("TAX_ENGINE").state()).isEqualTo(PositionState.VALIDATED);
        assertThat(flags(invoice)).isEmpty();
    }

    @Test
    void anOverrideAcceptsAPostingAgainstTheControl() {
        DocumentState invoice = replay(received(), posted(ERP_NA), new InvoicePostingControlViolated(INVOICE, US01,
                "51001", MatchStatus.VARIANCE, List.of(), ERP_NA, NINE.plusSeconds(3_700)));

        invoice = then(new InvoiceExceptionResolved(INVOICE, US01, 1, ExceptionKind.MATCH_VARIANCE,
                ExceptionResolution.OVERRIDE, "ap.lead", "agreed", PROCUREMENT, NINE.plusSeconds(4_000)));

        assertThat(invoice.status()).isEqualTo(DocumentStatus.OVERRIDDEN);
        assertThat(flags(invoice)).isEmpty();
    }

    @Test
    void aStaleRejectionAfterThePostingChangesNoPosition() {
        DocumentState invoice = replay(received(), posted(ERP_NA), new StaleInvoicePostingRejectionRecorded(INVOICE,
                US01, "PERIOD_CLOSED", "period closed", NINE.plusSeconds(3_600), ERP_NA, NINE.plusSeconds(3_500)));

        assertThat(invoice.systems().get("ERP_NA").state()).isEqualTo(PositionState.POSTED);
        assertThat(flags(invoice)).isEmpty();
    }

    @Test
    void aPaymentIsADocumentOfItsOwnInTheInvoicesRegionBesideTheInvoicesTreasuryRow() {
        replay(received(), posted(ERP_NA), executed("PAY-1", "2214.00", "2214.00"));

        DocumentState payment = fixture.payment(INVOICE.value(), "PAY-1");
        assertThat(payment.type()).isEqualTo(DocumentType.PAYMENT);
        assertThat(payment.parentKey()).isEqualTo("INV-1");
        assertThat(payment.region()).isEqualTo("NA");
        assertThat(payment.status()).isEqualTo(DocumentStatus.EXECUTED);
        assertThat(payment.divergences().values()).extracting(OpenDivergence::region).containsExactly("NA");
        DocumentState invoice = fixture.document(DocumentType.INVOICE, INVOICE.value());
        assertThat(invoice.systems().get("TREASURY").state()).isEqualTo(PositionState.PAID);
        assertThat(flags(invoice)).isEmpty();
    }

    @Test
    void anErpThatPostedBeforeTheReceiptTakesTheRoleTheRoutingGivesIt() {
        DocumentState invoice = replay(posted(ERP_NA), posted(ERP_EMEA));
        assertThat(flags(invoice)).containsExactlyInAnyOrder("KNOWN_ONLY_DOWNSTREAM@ERP_NA",
                "KNOWN_ONLY_DOWNSTREAM@ERP_EMEA");

        invoice = then(received());

        assertThat(invoice.systems().get("ERP_NA").role()).isEqualTo(SystemRole.ROUTED);
        assertThat(invoice.systems().get("ERP_NA").state()).isEqualTo(PositionState.POSTED);
        assertThat(invoice.systems().get("ERP_EMEA").role()).isEqualTo(SystemRole.OTHER);
        assertThat(flags(invoice)).containsExactly("WRONG_SYSTEM@ERP_EMEA");
    }

    @Test
    void aRefusalByAnotherErpIsAWrongSystemAndARejection() {
        DocumentState invoice = replay(received(), new InvoicePostingRejected(INVOICE, US01, "PERIOD_CLOSED",
                "period closed", ERP_EMEA, NINE.plusSeconds(3_600)));

        assertThat(invoice.systems().get("ERP_EMEA").role()).isEqualTo(SystemRole.OTHER);
        assertThat(flags(invoice)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_NA", "WRONG_SYSTEM@ERP_EMEA",
                "REJECTED@ERP_EMEA");
    }

    /**
     * The live projection writes only the documents an event changed, telling them by identity: an event of the
     * invoice alone answers each payment as the very state it was.
     */
    @Test
    void anEventOfTheInvoiceAloneLeavesItsPaymentsAndTheStateItWasGivenAsTheyWere() {
        replay(received(), posted(ERP_NA), executed("PAY-1", "2214.00", "2214.00"));
        ReconciliationState before = fixture.state(DocumentType.INVOICE, INVOICE.value());
        String invoiceBefore = before.document().canonical();
        DocumentState payment = before.payments().get("INV-1:PAY-1");
        String paymentBefore = payment.canonical();

        ReconciliationState after = fixture.given(matched()).state(DocumentType.INVOICE, INVOICE.value());

        assertThat(after.document().status()).isEqualTo(DocumentStatus.MATCHED);
        assertThat(after.payments().get("INV-1:PAY-1")).isSameAs(payment);
        assertThat(before.document().canonical()).isEqualTo(invoiceBefore);
        assertThat(payment.canonical()).isEqualTo(paymentBefore);
    }

    /** A fresh view given these events: the invoice as it stands. */
    private DocumentState replay(InvoiceEvent... events) {
        fixture = new ReconciliationFixture(REGIONS).given((Object[]) events);
        return fixture.document(DocumentType.INVOICE, INVOICE.value());
    }

    /** The same view given one more event. */
    private DocumentState then(InvoiceEvent event) {
        return fixture.given(event).document(DocumentType.INVOICE, INVOICE.value());
    }

    /** A fresh view given these events: payment PAY-1 as it stands. */
    private DocumentState replayPayment(InvoiceEvent... events) {
        fixture = new ReconciliationFixture(REGIONS).given((Object[]) events);
        return fixture.payment(INVOICE.value(), "PAY-1");
    }

    /** The same view given one more event: payment PAY-1. */
    private DocumentState thenPayment(InvoiceEvent event) {
        return fixture.given(event).payment(INVOICE.value(), "PAY-1");
    }

    private static List<String> flags(DocumentState document) {
        return document.divergences().values().stream()
                .map(d -> d.flag() + (d.system().isEmpty() ? "" : "@" + d.system())).toList();
    }

    private static String detail(DocumentState document, String flag) {
        return document.divergences().values().stream().filter(d -> d.flag().name().equals(flag))
                .map(OpenDivergence::detail).findFirst().orElseThrow();
    }
}
