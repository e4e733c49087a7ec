package org.integrationledger.command.invoice;

import org.integrationledger.command.controls.FakeSuppliers;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.integrationledger.command.invoice.InvoiceFixture.*;

/**
 * The payment beneficiary control: treasury pays the golden record's bank account in force at the payment's
 * business time. A change approved just before the payment counts (and is named when the paying ERP had not yet
 * acknowledged it); one approved just after does not. A payment to the right account within 30 days of a change
 * is flagged for review.
 */
class BeneficiaryControlTest {

    private static final SystemId MDM = SystemId.of("MDM");
    private static final Instant PAID_AT = MUCH_LATER;
    private static final Instant CREATED_AT = PAID_AT.minus(Duration.ofDays(90));

    /** Golden record created with SUPPLIER_ACCOUNT; changed to OTHER_ACCOUNT at {@code changedAt} (sequence 1). */
    private static FakeSuppliers changedAt(Instant changedAt, SystemId owner) {
        return new FakeSuppliers().bankAccount(SUPPLIER, 1, SUPPLIER_ACCOUNT, CREATED_AT, owner)
                .bankAccount(SUPPLIER, 2, OTHER_ACCOUNT, changedAt, owner);
    }

    private static InvoiceControlViolated finding(ControlKind kind, ProtectedBankAccount paid, int version,
                                                  ProtectedBankAccount goldenRecord, SystemId notYetAcknowledgedBy,
                                                  String detail, Instant changedAt) {
        return new InvoiceControlViolated(INVOICE, US01, SUPPLIER, kind, "PAY-1", paid, goldenRecord, version,
                notYetAcknowledgedBy, detail, List.of(FakeSuppliers.evidence(SUPPLIER, version - 1,
                version == 1 ? "GoldenRecordCreated" : "BankAccountChangeApproved", changedAt)), TREASURY, PAID_AT);
    }

    @Test
    void aPaymentToTheGoldenRecordsAccountPasses() {
        invoices(order("100", "10"), new FakeClaims(), changedAt(PAID_AT.plusSeconds(1), SystemId.of("ERP_NA")))
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", SUPPLIER_ACCOUNT, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", SUPPLIER_ACCOUNT, PAID_AT));
    }

    @Test
    void aChangeApprovedJustAfterThePaymentDoesNotCountSoTheOldAccountWasRight() {
        invoices(order("100", "10"), new FakeClaims(), changedAt(PAID_AT.plusSeconds(1), MDM))
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", SUPPLIER_ACCOUNT, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", SUPPLIER_ACCOUNT, PAID_AT));
    }

    @Test
    void aChangeApprovedJustBeforeThePaymentCountsAndThePayingErpThatHadNotAcknowledgedItIsNamed() {
        Instant changedAt = PAID_AT.minusSeconds(1);
        invoices(order("100", "10"), new FakeClaims(), changedAt(changedAt, MDM))
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", SUPPLIER_ACCOUNT, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", SUPPLIER_ACCOUNT, PAID_AT),
                        finding(ControlKind.PAYMENT_TO_OTHER_ACCOUNT, SUPPLIER_ACCOUNT, 2, OTHER_ACCOUNT,
                                SystemId.of("ERP_NA"), "paid to ****3000, but the golden record's account in force"
                                        + " (version 2, approved " + changedAt + ") is ****5555; ERP_NA, the paying"
                                        + " ERP, had not yet acknowledged version 2", changedAt));
    }

    @Test
    void aChangeThePayingErpHadAcknowledgedIsNotNamedAsUnacknowledged() {
        Instant changedAt = PAID_AT.minus(Duration.ofDays(40));
        FakeSuppliers suppliers = changedAt(changedAt, MDM)
                .acknowledgment(SUPPLIER, SystemId.of("ERP_NA"), 2, changedAt.plusSeconds(600));
        invoices(order("100", "10"), new FakeClaims(), suppliers)
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", SUPPLIER_ACCOUNT, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", SUPPLIER_ACCOUNT, PAID_AT),
                        finding(ControlKind.PAYMENT_TO_OTHER_ACCOUNT, SUPPLIER_ACCOUNT, 2, OTHER_ACCOUNT, null,
                                "paid to ****3000, but the golden record's account in force (version 2, approved "
                                        + changedAt + ") is ****5555", changedAt));
    }

    @Test
    void aPaymentToAnAccountTheGoldenRecordNeverHadIsAViolation() {
        ProtectedBankAccount unknown = account("9999", 'c');
        invoices(order("100", "10"), new FakeClaims(), new FakeSuppliers()
                        .bankAccount(SUPPLIER, 1, SUPPLIER_ACCOUNT, CREATED_AT))
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", unknown, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", unknown, PAID_AT),
                        finding(ControlKind.PAYMENT_TO_OTHER_ACCOUNT, unknown, 1, SUPPLIER_ACCOUNT, null,
                                "paid to ****9999, but the golden record's account in force (version 1, created "
                                        + CREATED_AT + ") is ****3000", CREATED_AT));
    }

    @Test
    void aMatchingPaymentWithinThirtyDaysOfABankAccountChangeIsFlaggedForReview() {
        Instant changedAt = PAID_AT.minus(Duration.ofDays(10));
        invoices(order("100", "10"), new FakeClaims(), changedAt(changedAt, SystemId.of("ERP_NA")))
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", OTHER_ACCOUNT, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", OTHER_ACCOUNT, PAID_AT),
                        finding(ControlKind.RECENT_BANK_ACCOUNT_CHANGE, OTHER_ACCOUNT, 2, OTHER_ACCOUNT, null,
                                "paid to the golden record's account ****5555, changed " + changedAt
                                        + " (version 2), within 30 days before the payment", changedAt));
    }

    @Test
    void aMatchingPaymentMoreThanThirtyDaysAfterTheChangePasses() {
        invoices(order("100", "10"), new FakeClaims(), changedAt(PAID_AT.minus(Duration.ofDays(31)),
                        SystemId.of("ERP_NA")))
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", OTHER_ACCOUNT, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", OTHER_ACCOUNT, PAID_AT));
    }

    @Test
    void aPaymentThatDoesNotNameTheAccountPaidIsFlaggedForReview() {
        invoices(order("100", "10"), new FakeClaims(), new FakeSuppliers()
                        .bankAccount(SUPPLIER, 1, SUPPLIER_ACCOUNT, CREATED_AT))
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", null, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", null, PAID_AT),
                        finding(ControlKind.BENEFICIARY_NOT_REPORTED, null, 1, SUPPLIER_ACCOUNT, null,
                                "treasury did not report the account it paid; the golden record's account in force"
                                        + " (version 1, created " + CREATED_AT + ") is ****3000", CREATED_AT));
    }

    @Test
    void aSupplierWithoutAGoldenRecordIsNotJudged() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00", OTHER_ACCOUNT, PAID_AT))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00", OTHER_ACCOUNT, PAID_AT));
    }
}
