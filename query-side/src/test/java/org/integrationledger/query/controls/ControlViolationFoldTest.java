package org.integrationledger.query.controls;

import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.controls.ControlViolation;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controls report as a fold: given an invoice's receipt, posting and payment, then a violation event, the
 * report row names the invoice's region and its evidence: the fact it accompanies, itself, and the supplier events.
 */
class ControlViolationFoldTest {

    private static final InvoiceId INVOICE = InvoiceId.of("INV-1");
    private static final LegalEntityId DE01 = LegalEntityId.of("DE01");
    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final SystemId TREASURY = SystemId.of("TREASURY");
    private static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant PAID_AT = NINE.plusSeconds(86_400);
    private static final ProtectedBankAccount PAID = new ProtectedBankAccount("****3000", "hmac-sha256:" + "a".repeat(64));
    private static final ProtectedBankAccount GOLDEN = new ProtectedBankAccount("****5555", "hmac-sha256:" + "b".repeat(64));
    private static final ControlEvidence BANK_CHANGE = new ControlEvidence("supplier", "SUP-1", 6,
            "BankAccountChangeApproved", PAID_AT.minusSeconds(1), PAID_AT.minusSeconds(1));

    private static ControlEvidence at(long sequence, String type, Instant at) {
        return new ControlEvidence("invoice", INVOICE.value(), sequence, type, at, at.plusMillis(5));
    }

    private static InvoiceContext receivedPostedAndPaid() {
        InvoiceContext context = InvoiceContext.empty(INVOICE.value());
        context = ControlViolationFold.apply(context, new InvoiceReceived(INVOICE, DE01, SUPPLIER,
                SupplierInvoiceNumber.of("SI-1"), "SI1", LocalDate.parse("2026-11-24"), PurchaseOrderId.of("PO-1"),
                ERP_EMEA, "EMEA", "AP-EMEA", "EU_VAT", List.of(), eur("100.00"), eur("19.00"), eur("119.00"),
                "clerk@example.com", SystemId.of("PROCUREMENT"), NINE), at(0, "InvoiceReceived", NINE));
        context = ControlViolationFold.apply(context, new InvoicePostedInErp(INVOICE, DE01, "EM1", "2026-11",
                ERP_EMEA, NINE.plusSeconds(600)), at(2, "InvoicePostedInErp", NINE.plusSeconds(600)));
        return ControlViolationFold.apply(context, new InvoicePaymentExecuted(INVOICE, DE01, SUPPLIER, "PAY-1",
                eur("119.00"), LocalDate.parse("2026-11-25"), eur("119.00"), eur("119.00"), PAID, TREASURY, PAID_AT),
                at(3, "InvoicePaymentExecuted", PAID_AT));
    }

    @Test
    void aPaymentToAnotherAccountIsReportedWithThePaymentItselfAndTheBankChangeAsEvidence() {
        InvoiceControlViolated event = new InvoiceControlViolated(INVOICE, DE01, SUPPLIER,
                ControlKind.PAYMENT_TO_OTHER_ACCOUNT, "PAY-1", PAID, GOLDEN, 2, ERP_EMEA, "paid to ****3000",
                List.of(BANK_CHANGE), TREASURY, PAID_AT);

        ControlViolation row = ControlViolationFold.violation(receivedPostedAndPaid(), event,
                at(4, "InvoiceControlViolated", PAID_AT));

        assertThat(row.violationId()).isEqualTo("INV-1/4");
        assertThat(row.kind()).isEqualTo(ControlKind.PAYMENT_TO_OTHER_ACCOUNT);
        assertThat(row.region()).isEqualTo("EMEA");
        assertThat(row.legalEntity()).isEqualTo("DE01");
        assertThat(row.paidAccount()).isEqualTo("****3000");
        assertThat(row.goldenRecordAccount()).isEqualTo("****5555");
        assertThat(row.notYetAcknowledgedBy()).isEqualTo("ERP_EMEA");
        assertThat(row.evidence()).containsExactly(at(3, "InvoicePaymentExecuted", PAID_AT),
                at(4, "InvoiceControlViolated", PAID_AT), BANK_CHANGE);
    }

    @Test
    void aPaymentInAnotherCurrencyIsReportedWithThePaymentItselfAndTheReceiptThatFixedTheInvoicesCurrency() {
        InvoiceContext context = ControlViolationFold.apply(receivedPostedAndPaid(), new InvoicePaymentExecuted(
                INVOICE, DE01, SUPPLIER, "PAY-2", Money.of("50.00", "USD"), LocalDate.parse("2026-11-26"),
                eur("119.00"), eur("119.00"), PAID, TREASURY, PAID_AT.plusSeconds(60)),
                at(4, "InvoicePaymentExecuted", PAID_AT.plusSeconds(60)));
        InvoiceControlViolated event = new InvoiceControlViolated(INVOICE, DE01, SUPPLIER,
                ControlKind.PAYMENT_CURRENCY_MISMATCH, "PAY-2", null, null, null, null,
                "TREASURY paid 50.00 USD as payment PAY-2 of an invoice of 119.00 EUR", List.of(), TREASURY,
                PAID_AT.plusSeconds(60));

        ControlViolation row = ControlViolationFold.violation(context, event,
                at(5, "InvoiceControlViolated", PAID_AT.plusSeconds(60)));

        assertThat(row.kind()).isEqualTo(ControlKind.PAYMENT_CURRENCY_MISMATCH);
        assertThat(row.paymentReference()).isEqualTo("PAY-2");
        assertThat(row.region()).isEqualTo("EMEA");
        assertThat(row.paidAccount()).isNull();
        assertThat(row.detail()).isEqualTo("TREASURY paid 50.00 USD as payment PAY-2 of an invoice of 119.00 EUR");
        assertThat(row.evidence()).containsExactly(at(4, "InvoicePaymentExecuted", PAID_AT.plusSeconds(60)),
                at(5, "InvoiceControlViolated", PAID_AT.plusSeconds(60)), at(0, "InvoiceReceived", NINE));
    }

    @Test
    void aPostingAgainstThePostingControlIsReportedWithThePosting() {
        InvoicePostingControlViolated event = new InvoicePostingControlViolated(INVOICE, DE01, "EM1",
                MatchStatus.VARIANCE, List.of(ExceptionKind.MATCH_VARIANCE), ERP_EMEA, NINE.plusSeconds(600));

        ControlViolation row = ControlViolationFold.violation(receivedPostedAndPaid(), event,
                at(5, "InvoicePostingControlViolated", NINE.plusSeconds(600)));

        assertThat(row.kind()).isEqualTo(ControlKind.POSTING_CONTROL);
        assertThat(row.paymentReference()).isNull();
        assertThat(row.detail()).isEqualTo("posted as EM1 while the invoice was variance, open exceptions: "
                + "MATCH_VARIANCE (reported by ERP_EMEA)");
        assertThat(row.evidence()).containsExactly(at(2, "InvoicePostedInErp", NINE.plusSeconds(600)),
                at(5, "InvoicePostingControlViolated", NINE.plusSeconds(600)));
    }

    @Test
    void aPostingTheErpReportedBeforeTheInvoiceIsEvidencedByThatPosting() {
        InvoiceContext context = ControlViolationFold.apply(InvoiceContext.empty(INVOICE.value()),
                new InvoicePostedInErp(INVOICE, null, "EM1", "2026-11", ERP_EMEA, NINE.minusSeconds(60)),
                at(0, "InvoicePostedInErp", NINE.minusSeconds(60)));
        context = ControlViolationFold.apply(context, new InvoiceReceived(INVOICE, DE01, SUPPLIER,
                SupplierInvoiceNumber.of("SI-1"), "SI1", LocalDate.parse("2026-11-24"), PurchaseOrderId.of("PO-1"),
                ERP_EMEA, "EMEA", "AP-EMEA", "EU_VAT", List.of(), eur("100.00"), eur("19.00"), eur("119.00"),
                "clerk@example.com", SystemId.of("PROCUREMENT"), NINE), at(1, "InvoiceReceived", NINE));

        ControlViolation row = ControlViolationFold.violation(context, new InvoiceControlViolated(INVOICE, DE01,
                SUPPLIER, ControlKind.POSTING_BLOCKED_SUPPLIER, null, null, null, null, null, "blocked",
                List.of(), SystemId.of("PROCUREMENT"), NINE), at(3, "InvoiceControlViolated", NINE));

        assertThat(row.evidence().get(0)).isEqualTo(at(0, "InvoicePostedInErp", NINE.minusSeconds(60)));
        assertThat(row.region()).isEqualTo("EMEA");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
