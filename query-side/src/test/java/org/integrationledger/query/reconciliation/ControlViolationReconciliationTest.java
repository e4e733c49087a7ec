package org.integrationledger.query.reconciliation;

import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance controls in the reconciliation view: a payment to another account than the golden record's is a
 * BANK_ACCOUNT_MISMATCH on the invoice's treasury row and on the payment; a payment or posting while the supplier
 * was blocked is a STATUS_MISMATCH; a payment in another currency than the invoice's an AMOUNT_MISMATCH; a review
 * flag of a recent bank change is no divergence.
 */
class ControlViolationReconciliationTest {

    private ReconciliationFixture fixture;

    private static final InvoiceId INVOICE = InvoiceId.of("INV-1");
    private static final LegalEntityId US01 = LegalEntityId.of("US01");
    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");
    private static final SystemId TREASURY = SystemId.of("TREASURY");
    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant PAID_AT = NINE.plusSeconds(86_400);
    private static final SystemRegions REGIONS = SystemRegions.of(Map.of("ERP_NA", "NA", "ERP_EMEA", "EMEA"));
    private static final ProtectedBankAccount PAID = new ProtectedBankAccount("****3000", "hmac-sha256:" + "a".repeat(64));
    private static final ProtectedBankAccount GOLDEN = new ProtectedBankAccount("****5555", "hmac-sha256:" + "b".repeat(64));

    @Test
    void aPaymentToAnotherAccountIsABankAccountMismatchOnTheInvoiceAndThePayment() {
        InvoiceControlViolated violation = paymentViolation(ControlKind.PAYMENT_TO_OTHER_ACCOUNT);
        DocumentState invoice = replay(received(), matched(), posted(), executed(), violation);
        DocumentState payment = replayPayment(executed(), violation);

        assertThat(flags(invoice)).containsExactly("BANK_ACCOUNT_MISMATCH@TREASURY");
        assertThat(flags(payment)).contains("BANK_ACCOUNT_MISMATCH@TREASURY");
        assertThat(payment.divergences().values()).anySatisfy(d -> assertThat(d.detail())
                .isEqualTo("TREASURY paid another bank account than the supplier's golden record held at the payment"));
    }

    @Test
    void aPaymentWhileTheSupplierWasBlockedIsAStatusMismatch() {
        DocumentState invoice = replay(received(), matched(), posted(), executed(),
                paymentViolation(ControlKind.PAYMENT_BLOCKED_SUPPLIER));

        assertThat(invoice.systems().get("TREASURY").status()).isEqualTo(PositionStatus.PAID_AGAINST_CONTROL);
        assertThat(flags(invoice)).containsExactly("STATUS_MISMATCH@TREASURY");
    }

    @Test
    void aRecentBankChangeIsForReviewButNoDivergence() {
        DocumentState invoice = replay(received(), matched(), posted(), executed(),
                paymentViolation(ControlKind.RECENT_BANK_ACCOUNT_CHANGE));

        assertThat(flags(invoice)).isEmpty();
    }

    @Test
    void aPostingWhileTheSupplierWasBlockedIsAStatusMismatchOfThePostingErp() {
        DocumentState invoice = replay(received(), matched(), posted(), new InvoiceControlViolated(INVOICE, US01,
                SUPPLIER, ControlKind.POSTING_BLOCKED_SUPPLIER, null, null, null, null, null, "blocked",
                List.of(evidence()), ERP_NA, NINE.plusSeconds(3_600)));

        assertThat(invoice.systems().get("ERP_NA").status()).isEqualTo(PositionStatus.POSTED_UNMATCHED);
        assertThat(flags(invoice)).containsExactly("STATUS_MISMATCH@ERP_NA");
    }

    @Test
    void aPaymentInAnotherCurrencyIsAnAmountMismatchOnTheInvoiceAndThePaymentThatTheTotalPaidLeavesOut() {
        InvoicePaymentExecuted inEuro = new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, "PAY-1",
                Money.of("900.00", "EUR"), LocalDate.parse("2026-11-25"), usd("0"), usd("2214.00"), PAID, TREASURY,
                PAID_AT);
        InvoiceControlViolated violation = new InvoiceControlViolated(INVOICE, US01, SUPPLIER,
                ControlKind.PAYMENT_CURRENCY_MISMATCH, "PAY-1", null, null, null, null, "detail", List.of(), TREASURY,
                PAID_AT);
        DocumentState invoice = replay(received(), matched(), posted(), inEuro, violation);
        DocumentState payment = replayPayment(inEuro, violation);

        assertThat(flags(invoice)).containsExactly("AMOUNT_MISMATCH@TREASURY");
        assertThat(invoice.divergences().values()).singleElement().satisfies(d -> assertThat(d.detail()).isEqualTo(
                "TREASURY paid in another currency than the invoice's USD, which its total paid leaves out (no"
                        + " exchange rate)"));
        assertThat(invoice.systems().get("TREASURY").amount()).isEqualByComparingTo("0");
        assertThat(invoice.systems().get("TREASURY").status()).isNull();
        assertThat(flags(payment)).contains("AMOUNT_MISMATCH@TREASURY");
        assertThat(payment.divergences().values()).anySatisfy(d -> assertThat(d.detail()).isEqualTo(
                "TREASURY paid 900.00 EUR, not in the invoice's currency: not counted in the invoice's total paid"));
    }

    @Test
    void anOverpaidInvoiceWithAPaymentInAnotherCurrencyHasOneAmountMismatchNamingBoth() {
        InvoicePaymentExecuted inEuro = new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, "PAY-2",
                Money.of("900.00", "EUR"), LocalDate.parse("2026-11-25"), usd("2300.00"), usd("2214.00"), PAID,
                TREASURY, PAID_AT.plusSeconds(60));
        DocumentState invoice = replay(received(), matched(), posted(),
                new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, "PAY-1", usd("2300.00"),
                        LocalDate.parse("2026-11-25"), usd("2300.00"), usd("2214.00"), PAID, TREASURY, PAID_AT),
                new InvoiceOverpaymentFlagged(INVOICE, US01, "PAY-1", usd("2300.00"), usd("2214.00"), usd("86.00"),
                        TREASURY, PAID_AT),
                inEuro, new InvoiceControlViolated(INVOICE, US01, SUPPLIER, ControlKind.PAYMENT_CURRENCY_MISMATCH,
                        "PAY-2", null, null, null, null, "detail", List.of(), TREASURY, PAID_AT.plusSeconds(60)));

        assertThat(flags(invoice)).containsExactly("AMOUNT_MISMATCH@TREASURY");
        assertThat(invoice.divergences().values()).singleElement().satisfies(d -> assertThat(d.detail())
                .isEqualTo("TREASURY paid 2300.00 USD against a gross of 2214.00 USD; TREASURY paid in another"
                        + " currency than the invoice's USD, which its total paid leaves out (no exchange rate)"));
    }

    private static ControlEvidence evidence() {
        return new ControlEvidence("supplier", SUPPLIER.value(), 4, "SupplierBlocked", NINE, NINE);
    }

    private static InvoiceControlViolated paymentViolation(ControlKind kind) {
        return new InvoiceControlViolated(INVOICE, US01, SUPPLIER, kind, "PAY-1", PAID, GOLDEN, 2, null, "detail",
                List.of(evidence()), TREASURY, PAID_AT);
    }

    private static InvoiceReceived received() {
        return new InvoiceReceived(INVOICE, US01, SUPPLIER, SupplierInvoiceNumber.of("SI-1"), "SI1",
                LocalDate.parse("2026-11-24"), PurchaseOrderId.of("PO-1"), ERP_NA, "NA", "AP-NA", "US_SALES_USE_TAX",
                List.of(), usd("2050.00"), usd("164.00"), usd("2214.00"), "ap.clerk@example.com", PROCUREMENT, NINE);
    }

    private static InvoiceMatched matched() {
        return new InvoiceMatched(INVOICE, US01, PurchaseOrderId.of("PO-1"), List.of(), "RECEIVED", PROCUREMENT,
                NINE.plusSeconds(1));
    }

    private static InvoicePostedInErp posted() {
        return new InvoicePostedInErp(INVOICE, US01, "51001", "2026-11", ERP_NA, NINE.plusSeconds(3_600));
    }

    private static InvoicePaymentExecuted executed() {
        return new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, "PAY-1", usd("2214.00"),
                LocalDate.parse("2026-11-25"), usd("2214.00"), usd("2214.00"), PAID, TREASURY, PAID_AT);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
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
}
