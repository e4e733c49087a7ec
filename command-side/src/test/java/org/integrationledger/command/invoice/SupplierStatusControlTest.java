package org.integrationledger.command.invoice;

import org.integrationledger.command.controls.FakeSuppliers;
import org.integrationledger.command.controls.SupplierStanding;
import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.MatchStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.integrationledger.command.invoice.InvoiceFixture.*;

/**
 * Supplier status controls: an invoice of a blocked or not approved supplier is recorded with an exception in its
 * regional queue, and posting or paying it while the supplier stands so is a control violation. The standing in
 * force at each fact's business time counts, so blocking and unblocking around the invoice are the edges. An unblock
 * or approval in force at the next posting or payment is the corrected data that resolves the exception.
 */
class SupplierStatusControlTest {

    private static final Instant APPROVED_AT = RECEIVED_AT.minusSeconds(86_400 * 30L);
    private static final Instant JUST_BEFORE_RECEIPT = RECEIVED_AT.minusSeconds(1);
    private static final Instant JUST_AFTER_RECEIPT = RECEIVED_AT.plusSeconds(1);

    private static FakeSuppliers approved() {
        return new FakeSuppliers().standing(SUPPLIER, SupplierStanding.APPROVED, "GoldenRecordCreated",
                "golden record created by ERP_NA", APPROVED_AT);
    }

    private static FakeSuppliers blockedAt(Instant at) {
        return approved().standing(SUPPLIER, SupplierStanding.BLOCKED, "SupplierBlocked", "sanctions screening hit", at);
    }

    private static ControlEvidence blockEvidence(Instant at) {
        return FakeSuppliers.evidence(SUPPLIER, 1, "SupplierBlocked", at);
    }

    private static InvoiceControlViolated violation(ControlKind kind, String paymentReference, String detail,
                                                    ControlEvidence evidence, Instant at) {
        return new InvoiceControlViolated(INVOICE, US01, SUPPLIER, kind, paymentReference, null, null, null, null,
                detail, List.of(evidence), kind.name().startsWith("PAYMENT") ? TREASURY : ERP_NA, at);
    }

    @Test
    void anInvoiceOfASupplierBlockedBeforeItsReceiptIsRecordedWithASupplierBlockedException() {
        invoices(order("100", "10"), new FakeClaims(), blockedAt(JUST_BEFORE_RECEIPT))
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectEvents(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.SUPPLIER_BLOCKED, null,
                        "supplier SUP-4711 was blocked (since " + JUST_BEFORE_RECEIPT + ": sanctions screening hit)"
                                + " when the invoice was received", PROCUREMENT, RECEIVED_AT)).toArray());
    }

    @Test
    void aBlockJustAfterTheReceiptRaisesNoExceptionOnIt() {
        invoices(order("100", "10"), new FakeClaims(), blockedAt(JUST_AFTER_RECEIPT))
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectEvents(receivedMatched().toArray());
    }

    @Test
    void aSupplierUnblockedJustBeforeTheReceiptIsInGoodStanding() {
        FakeSuppliers suppliers = blockedAt(APPROVED_AT.plusSeconds(60)).standing(SUPPLIER, SupplierStanding.APPROVED,
                "SupplierUnblocked", "screening cleared", JUST_BEFORE_RECEIPT);
        invoices(order("100", "10"), new FakeClaims(), suppliers)
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectEvents(receivedMatched().toArray());
    }

    @Test
    void postingAnInvoiceWhileItsSupplierIsBlockedIsAControlViolation() {
        invoices(order("100", "10"), new FakeClaims(), blockedAt(JUST_AFTER_RECEIPT))
                .given(receivedMatched())
                .when(posting(ERP_NA, LATER))
                .expectEvents(new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, LATER),
                        violation(ControlKind.POSTING_BLOCKED_SUPPLIER, null, "supplier SUP-4711 was blocked (since "
                                + JUST_AFTER_RECEIPT + ": sanctions screening hit) when ERP_NA posted the invoice",
                                blockEvidence(JUST_AFTER_RECEIPT), LATER));
    }

    @Test
    void payingAnInvoiceWhileItsSupplierIsBlockedIsAControlViolation() {
        invoices(order("100", "10"), new FakeClaims(), blockedAt(LATER))
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00"))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00"),
                        violation(ControlKind.PAYMENT_BLOCKED_SUPPLIER, "PAY-1", "supplier SUP-4711 was blocked (since "
                                + LATER + ": sanctions screening hit) when TREASURY executed payment PAY-1",
                                blockEvidence(LATER), MUCH_LATER));
    }

    @Test
    void aPaymentAfterTheUnblockIsNoViolationAndResolvesTheBlockedSupplierExceptionAsCorrectedData() {
        // Blocked before the receipt (the exception is on record), unblocked before the payment.
        Instant unblockedAt = MUCH_LATER.minusSeconds(1);
        FakeSuppliers suppliers = blockedAt(JUST_BEFORE_RECEIPT).standing(SUPPLIER, SupplierStanding.APPROVED,
                "SupplierUnblocked", "screening cleared", unblockedAt);
        invoices(order("100", "10"), new FakeClaims(), suppliers)
                .given(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.SUPPLIER_BLOCKED, null, "blocked",
                        PROCUREMENT, RECEIVED_AT)))
                .when(payment("PAY-1", "2214.00"))
                .expectEvents(exceptionResolved(1, ExceptionKind.SUPPLIER_BLOCKED, ExceptionResolution.CORRECTED_DATA,
                                "TREASURY", standsApprovedSince(unblockedAt, "SupplierUnblocked"), TREASURY,
                                MUCH_LATER),
                        paymentExecuted("PAY-1", "2214.00", "2214.00"));
    }

    @Test
    void anUnblockBeforeThePostingResolvesTheBlockedSupplierExceptionAndThePostingIsWithinTheControl() {
        Instant unblockedAt = LATER.minusSeconds(1);
        FakeSuppliers suppliers = blockedAt(JUST_BEFORE_RECEIPT).standing(SUPPLIER, SupplierStanding.APPROVED,
                "SupplierUnblocked", "screening cleared", unblockedAt);
        invoices(order("100", "10"), new FakeClaims(), suppliers)
                .given(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.SUPPLIER_BLOCKED, null, "blocked",
                        PROCUREMENT, RECEIVED_AT)))
                .when(posting(ERP_NA, LATER))
                .expectEvents(exceptionResolved(1, ExceptionKind.SUPPLIER_BLOCKED, ExceptionResolution.CORRECTED_DATA,
                                "ERP_NA", standsApprovedSince(unblockedAt, "SupplierUnblocked"), ERP_NA, LATER),
                        new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, LATER));
    }

    @Test
    void anUnblockJustAfterThePostingLeavesTheExceptionOpenAndThePostingBreaksBothControls() {
        FakeSuppliers suppliers = blockedAt(JUST_BEFORE_RECEIPT).standing(SUPPLIER, SupplierStanding.APPROVED,
                "SupplierUnblocked", "screening cleared", LATER.plusSeconds(1));
        invoices(order("100", "10"), new FakeClaims(), suppliers)
                .given(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.SUPPLIER_BLOCKED, null, "blocked",
                        PROCUREMENT, RECEIVED_AT)))
                .when(posting(ERP_NA, LATER))
                .expectEvents(new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, LATER),
                        new InvoicePostingControlViolated(INVOICE, US01, "5100000001", MatchStatus.MATCHED,
                                List.of(ExceptionKind.SUPPLIER_BLOCKED), ERP_NA, LATER),
                        violation(ControlKind.POSTING_BLOCKED_SUPPLIER, null, "supplier SUP-4711 was blocked (since "
                                + JUST_BEFORE_RECEIPT + ": sanctions screening hit) when ERP_NA posted the invoice",
                                blockEvidence(JUST_BEFORE_RECEIPT), LATER));
    }

    @Test
    void anApprovalBeforeThePostingResolvesTheNotApprovedException() {
        Instant approvedAt = LATER.minusSeconds(60);
        FakeSuppliers suppliers = new FakeSuppliers().standing(SUPPLIER, SupplierStanding.NOT_APPROVED,
                "SupplierRequested", "requested by buyer@example.com", APPROVED_AT)
                .standing(SUPPLIER, SupplierStanding.APPROVED, "SupplierRequestApproved", "approved", approvedAt);
        invoices(order("100", "10"), new FakeClaims(), suppliers)
                .given(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.SUPPLIER_NOT_APPROVED, null,
                        "not approved", PROCUREMENT, RECEIVED_AT)))
                .when(posting(ERP_NA, LATER))
                .expectEvents(exceptionResolved(1, ExceptionKind.SUPPLIER_NOT_APPROVED,
                                ExceptionResolution.CORRECTED_DATA, "ERP_NA",
                                standsApprovedSince(approvedAt, "SupplierRequestApproved"), ERP_NA, LATER),
                        new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, LATER));
    }

    private static String standsApprovedSince(Instant at, String eventType) {
        return "supplier SUP-4711 stands approved and unblocked since " + at + " (" + eventType + ")";
    }

    @Test
    void anInvoiceOfASupplierNotYetApprovedIsRecordedWithAnExceptionAndItsPaymentIsAViolation() {
        FakeSuppliers suppliers = new FakeSuppliers().standing(SUPPLIER, SupplierStanding.NOT_APPROVED,
                "SupplierRequested", "requested by buyer@example.com", APPROVED_AT);
        invoices(order("100", "10"), new FakeClaims(), suppliers)
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectEvents(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.SUPPLIER_NOT_APPROVED, null,
                        "supplier SUP-4711 was not approved (since " + APPROVED_AT + ": requested by buyer@example.com)"
                                + " when the invoice was received", PROCUREMENT, RECEIVED_AT)).toArray());
        invoices(order("100", "10"), new FakeClaims(), suppliers)
                .given(receivedMatched())
                .when(payment("PAY-1", "2214.00"))
                .expectEvents(paymentExecuted("PAY-1", "2214.00", "2214.00"),
                        violation(ControlKind.PAYMENT_UNAPPROVED_SUPPLIER, "PAY-1", "supplier SUP-4711 was not approved"
                                + " (since " + APPROVED_AT + ": requested by buyer@example.com) when TREASURY executed"
                                + " payment PAY-1", FakeSuppliers.evidence(SUPPLIER, 0, "SupplierRequested",
                                APPROVED_AT), MUCH_LATER));
    }

    @Test
    void anErpPostingReportedBeforeTheInvoiceIsJudgedOnTheStandingWhenItWasPosted() {
        invoices(order("100", "10"), new FakeClaims(), blockedAt(RECEIVED_AT.minusSeconds(7_200)))
                .given(new InvoicePostedInErp(INVOICE, null, "5100000001", "2026-11", ERP_NA,
                        RECEIVED_AT.minusSeconds(3_600)))
                .when(receiveStandard())
                .expectEvents(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.SUPPLIER_BLOCKED, null,
                                "supplier SUP-4711 was blocked (since " + RECEIVED_AT.minusSeconds(7_200)
                                        + ": sanctions screening hit) when the invoice was received", PROCUREMENT,
                                RECEIVED_AT),
                        new InvoicePostingControlViolated(INVOICE, US01, "5100000001", MatchStatus.MATCHED,
                                List.of(ExceptionKind.SUPPLIER_BLOCKED), PROCUREMENT, RECEIVED_AT),
                        new InvoiceControlViolated(INVOICE, US01, SUPPLIER, ControlKind.POSTING_BLOCKED_SUPPLIER, null,
                                null, null, null, null, "supplier SUP-4711 was blocked (since "
                                + RECEIVED_AT.minusSeconds(7_200) + ": sanctions screening hit) when ERP_NA posted"
                                + " the invoice", List.of(blockEvidence(RECEIVED_AT.minusSeconds(7_200))), PROCUREMENT,
                                RECEIVED_AT)).toArray());
    }
}
