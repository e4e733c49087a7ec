package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.RecordPaymentConfirmationDelivery;
import org.integrationledger.model.invoice.ScheduleInvoicePayment;
import org.integrationledger.model.invoice.RejectInvoicePosting;
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.integrationledger.command.invoice.InvoiceFixture.*;

/** Posting in the routed ERP under the posting control, then payments and their confirmation to procurement. */
class PostingAndPaymentTest {

    private static InvoicePostedInErp posted(java.time.Instant at) {
        return new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, at);
    }

    @Test
    void theRoutedErpPostsAMatchedInvoice() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(posting(ERP_NA, LATER))
                .expectEvents(posted(LATER))
                .expectResultMessagePayload(outcome(2, InvoicePostedInErp.class));
    }

    @Test
    void aPostingOfAnUnmatchedInvoiceIsRecordedAsAControlViolation() {
        invoices(order("60", "10"), new FakeClaims())
                .given(receivedShort())
                .when(posting(ERP_NA, LATER))
                .expectEvents(posted(LATER), new InvoicePostingControlViolated(INVOICE, US01, "5100000001",
                        MatchStatus.VARIANCE, List.of(ExceptionKind.MATCH_VARIANCE), ERP_NA, LATER));
    }

    @Test
    void aPostingWhileADuplicateSuspicionIsOpenIsAControlViolation() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.DUPLICATE_SUSPICION, null, "x",
                        PROCUREMENT, RECEIVED_AT)))
                .when(posting(ERP_NA, LATER))
                .expectEvents(posted(LATER), new InvoicePostingControlViolated(INVOICE, US01, "5100000001",
                        MatchStatus.MATCHED, List.of(ExceptionKind.DUPLICATE_SUSPICION), ERP_NA, LATER));
    }

    @Test
    void aPostingByAnotherErpThanTheRoutedOneIsRecordedAsAControlViolation() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(posting(ERP_EMEA, LATER))
                .expectEvents(new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_EMEA, LATER),
                        new InvoicePostingControlViolated(INVOICE, US01, "5100000001", MatchStatus.MATCHED, List.of(),
                                ERP_EMEA, LATER));
    }

    @Test
    void aRejectionRaisesAPostingFailureAndALaterPostingResolvesIt() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(postingRejection(LATER))
                .expectEvents(new InvoicePostingRejected(INVOICE, US01, "PERIOD_CLOSED", "posting period closed",
                                ERP_NA, LATER),
                        exceptionRaised(1, ExceptionKind.POSTING_FAILURE, null, "PERIOD_CLOSED: posting period closed",
                                ERP_NA, LATER));
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), new InvoicePostingRejected(INVOICE, US01, "PERIOD_CLOSED",
                        "posting period closed", ERP_NA, LATER), exceptionRaised(1, ExceptionKind.POSTING_FAILURE,
                        null, "PERIOD_CLOSED: posting period closed", ERP_NA, LATER)))
                .when(posting(ERP_NA, MUCH_LATER))
                .expectEvents(posted(MUCH_LATER), exceptionResolved(1, ExceptionKind.POSTING_FAILURE,
                        ExceptionResolution.CORRECTED_DATA, "ERP_NA", "posted as 5100000001", ERP_NA, MUCH_LATER));
    }

    @Test
    void aRejectionByAnotherErpThanTheRoutedOneIsRecordedWithoutAPostingFailure() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(new RejectInvoicePosting(newMessageId(), ERP_EMEA, LATER, INVOICE, "UNKNOWN_VENDOR",
                        "vendor not in this company code"))
                .expectEvents(new InvoicePostingRejected(INVOICE, US01, "UNKNOWN_VENDOR",
                        "vendor not in this company code", ERP_EMEA, LATER));
    }

    @Test
    void aRejectionOlderThanThePostingIsRecordedAsStaleWithoutAnException() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), posted(MUCH_LATER)))
                .when(postingRejection(LATER))
                .expectEvents(new StaleInvoicePostingRejectionRecorded(INVOICE, US01, "PERIOD_CLOSED",
                        "posting period closed", MUCH_LATER, ERP_NA, LATER));
    }

    @Test
    void partialPaymentsAddUp() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), posted(LATER), paymentExecuted("PAY-1", "1000.00", "1000.00")))
                .when(payment("PAY-2", "1214.00"))
                .expectEvents(paymentExecuted("PAY-2", "1214.00", "2214.00"))
                .expectResultMessagePayload(outcome(4, InvoicePaymentExecuted.class));
    }

    @Test
    void thePaymentThatCrossesTheGrossAmountFlagsAnOverpaymentOnce() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "2000.00", "2000.00")))
                .when(payment("PAY-2", "300.00"))
                .expectEvents(paymentExecuted("PAY-2", "300.00", "2300.00"),
                        new InvoiceOverpaymentFlagged(INVOICE, US01, "PAY-2", usd("2300.00"), usd("2214.00"),
                                usd("86.00"), TREASURY, MUCH_LATER));
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "2000.00", "2000.00"),
                        paymentExecuted("PAY-2", "300.00", "2300.00"), new InvoiceOverpaymentFlagged(INVOICE, US01,
                                "PAY-2", usd("2300.00"), usd("2214.00"), usd("86.00"), TREASURY, MUCH_LATER)))
                .when(payment("PAY-3", "10.00"))
                .expectEvents(paymentExecuted("PAY-3", "10.00", "2310.00"));
    }

    @Test
    void rejectsTheSamePaymentReferenceExecutedTwice() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "1000.00", "1000.00")))
                .when(payment("PAY-1", "1000.00"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PAYMENT_ALREADY_RECORDED));
    }

    @Test
    void aScheduledPaymentIsRecordedOncePerReference() {
        ScheduleInvoicePayment schedule = new ScheduleInvoicePayment(newMessageId(), TREASURY, LATER, INVOICE,
                "PAY-1", usd("2214.00"), LocalDate.parse("2026-12-24"));
        InvoicePaymentScheduled scheduled = new InvoicePaymentScheduled(INVOICE, US01, "PAY-1", usd("2214.00"),
                LocalDate.parse("2026-12-24"), TREASURY, LATER, false);
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(schedule)
                .expectEvents(scheduled);
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), scheduled))
                .when(schedule)
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PAYMENT_ALREADY_RECORDED));
    }

    @Test
    void aPaymentScheduledOrConfirmedByAnotherErpThanTheRoutedOneIsRecordedAndJudgedSo() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(new ScheduleInvoicePayment(newMessageId(), ERP_EMEA, LATER, INVOICE, "PAY-1", usd("2214.00"),
                        LocalDate.parse("2026-12-24")))
                .expectEvents(new InvoicePaymentScheduled(INVOICE, US01, "PAY-1", usd("2214.00"),
                        LocalDate.parse("2026-12-24"), ERP_EMEA, LATER, true));
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "2214.00", "2214.00")))
                .when(new RecordPaymentConfirmationDelivery(newMessageId(), ERP_EMEA, MUCH_LATER.plusSeconds(60),
                        INVOICE, "PAY-1"))
                .expectEvents(new PaymentConfirmationDelivered(INVOICE, US01, "PAY-1", MUCH_LATER, ERP_EMEA,
                        MUCH_LATER.plusSeconds(60), true));
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(new ScheduleInvoicePayment(newMessageId(), ERP_NA, LATER, INVOICE, "PAY-1", usd("2214.00"),
                        LocalDate.parse("2026-12-24")))
                .expectEvents(new InvoicePaymentScheduled(INVOICE, US01, "PAY-1", usd("2214.00"),
                        LocalDate.parse("2026-12-24"), ERP_NA, LATER, false));
    }

    @Test
    void procurementAcknowledgesTheConfirmationOfAnExecutedPayment() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "2214.00", "2214.00")))
                .when(confirmation("PAY-1"))
                .expectEvents(new PaymentConfirmationAcknowledged(INVOICE, US01, "PAY-1", MUCH_LATER, PROCUREMENT,
                        MUCH_LATER.plusSeconds(300)));
    }

    @Test
    void treasuryReportsTheConfirmationSentToProcurementForAnExecutedPaymentOnly() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "2214.00", "2214.00")))
                .when(new RecordPaymentConfirmationDelivery(newMessageId(), TREASURY, MUCH_LATER.plusSeconds(60),
                        INVOICE, "PAY-1"))
                .expectEvents(new PaymentConfirmationDelivered(INVOICE, US01, "PAY-1", MUCH_LATER, TREASURY,
                        MUCH_LATER.plusSeconds(60), false));
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(new RecordPaymentConfirmationDelivery(newMessageId(), TREASURY, MUCH_LATER, INVOICE, "PAY-1"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PAYMENT_NOT_FOUND));
    }

    @Test
    void rejectsAConfirmationOfAPaymentNeverExecuted() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(confirmation("PAY-404"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PAYMENT_NOT_FOUND));
    }
}
