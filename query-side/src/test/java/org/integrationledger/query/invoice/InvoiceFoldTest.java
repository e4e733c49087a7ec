package org.integrationledger.query.invoice;

import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.ConfirmationStatus;
import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.ExceptionStatus;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceErpStatus;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceExceptionSummary;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceSummary;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.InvoiceTaxValidationFailed;
import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.invoice.MatchBasis;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.PaymentStatus;
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.invoice.TaxStatus;
import org.integrationledger.model.invoice.UnconfirmedPayment;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.query.fold.FoldFixture.recorded;

/**
 * The invoice views' fold: given these events, the invoice across procurement, tax engine, ERP and treasury, its
 * exceptions in their queues and its payments (docs/invoices.md, "Rules" and "Read models and queries").
 */
class InvoiceFoldTest {

    private static final InvoiceId INVOICE = InvoiceId.of("INV-1");
    private static final LegalEntityId US01 = LegalEntityId.of("US01");
    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-1");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId TAX_ENGINE = SystemId.of("TAX_ENGINE");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");
    private static final SystemId TREASURY = SystemId.of("TREASURY");
    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
    private static final LocalDate DUE = LocalDate.parse("2026-12-01");
    private static final LineMatch SHORT_RECEIVED = new LineMatch(1, 1, MatchBasis.THREE_WAY, Quantity.of("10", "EA"),
            Quantity.of("7.5", "EA"), new BigDecimal("2.5"), UnitPrice.of("10.00", "USD"), UnitPrice.of("10", "USD"),
            BigDecimal.ZERO, BigDecimal.ZERO,
            List.of("invoiced 10 EA, received 7.5 (allowed over: 0)", "second | problem"));
    private static final LineMatch MATCHING = new LineMatch(1, 1, MatchBasis.THREE_WAY, Quantity.of("10", "EA"),
            Quantity.of("10", "EA"), BigDecimal.ZERO, UnitPrice.of("10.00", "USD"), UnitPrice.of("10", "USD"),
            BigDecimal.ZERO, BigDecimal.ZERO, List.of());

    private final FoldFixture<InvoiceEvent, InvoiceStates> fixture = FoldFixture.of(new InvoiceFold());

    @Test
    void aReceivedInvoiceIsKnownWithProcurementsFactsAndNothingYetValidatedPostedOrPaid() {
        InvoiceSummary invoice = summary(received());

        assertThat(invoice.supplier()).isEqualTo(SUPPLIER);
        assertThat(invoice.supplierInvoiceNumber()).isEqualTo(SupplierInvoiceNumber.of("A-1"));
        assertThat(invoice.invoiceDate()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(invoice.purchaseOrderId()).isEqualTo(ORDER);
        assertThat(invoice.legalEntity()).isEqualTo(US01);
        assertThat(invoice.region()).isEqualTo("NA");
        assertThat(invoice.queue()).isEqualTo("AP-NA");
        assertThat(invoice.routedTo()).isEqualTo(ERP_NA);
        assertThat(invoice.submittedBy()).isEqualTo("clerk");
        assertThat(invoice.net()).isEqualTo(usd("100.00"));
        assertThat(invoice.tax()).isEqualTo(usd("8.00"));
        assertThat(invoice.gross()).isEqualTo(usd("108.00"));
        assertThat(invoice.taxRegime()).isEqualTo("US_SALES_USE_TAX");
        assertThat(invoice.matchStatus()).isNull();
        assertThat(invoice.taxStatus()).isEqualTo(TaxStatus.PENDING);
        assertThat(invoice.erpStatus()).isEqualTo(InvoiceErpStatus.NOT_POSTED);
        assertThat(invoice.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
        assertThat(invoice.confirmationStatus()).isEqualTo(ConfirmationStatus.NO_PAYMENT);
        assertThat(invoice.openExceptions()).isEmpty();
        assertThat(invoice.eventCount()).isEqualTo(1);
    }

    @Test
    void aMatchKeepsEveryLinesResultAndNoVariance() {
        InvoiceSummary invoice = summary(received(), matched());

        assertThat(invoice.matchStatus()).isEqualTo(MatchStatus.MATCHED);
        assertThat(invoice.lineMatches()).containsExactly(MATCHING);
        assertThat(invoice.varianceAmount()).isNull();
    }

    @Test
    void aVarianceKeepsThePerLineProblemsAndTheAmountBeyondOrderAndReceipts() {
        InvoiceSummary invoice = summary(received(), variance(), raised(1, ExceptionKind.MATCH_VARIANCE));

        assertThat(invoice.matchStatus()).isEqualTo(MatchStatus.VARIANCE);
        assertThat(invoice.lineMatches()).containsExactly(SHORT_RECEIVED);
        assertThat(invoice.varianceAmount()).isEqualTo(usd("25.00"));
        assertThat(invoice.openExceptions()).containsExactly(ExceptionKind.MATCH_VARIANCE);
    }

    @Test
    void aLateReceiptRematchReplacesTheVarianceAndItsCorrectionClosesTheException() {
        InvoiceSummary invoice = summary(received(), variance(), raised(1, ExceptionKind.MATCH_VARIANCE), matched(),
                resolved(1, ExceptionKind.MATCH_VARIANCE, ExceptionResolution.CORRECTED_DATA));

        assertThat(invoice.matchStatus()).as("corrected data, not an override").isEqualTo(MatchStatus.MATCHED);
        assertThat(invoice.lineMatches()).containsExactly(MATCHING);
        assertThat(invoice.varianceAmount()).isNull();
        assertThat(invoice.openExceptions()).isEmpty();
        assertThat(exception(1).resolution()).isEqualTo(ExceptionResolution.CORRECTED_DATA);
    }

    @Test
    void overridingAMatchVarianceOrACurrencyMismatchMakesTheMatchOverridden() {
        InvoiceSummary variance = summary(received(), variance(), raised(1, ExceptionKind.MATCH_VARIANCE),
                resolved(1, ExceptionKind.MATCH_VARIANCE, ExceptionResolution.OVERRIDE));

        assertThat(variance.matchStatus()).isEqualTo(MatchStatus.OVERRIDDEN);
        assertThat(variance.lineMatches()).as("the lines stay as matched").containsExactly(SHORT_RECEIVED);
        assertThat(variance.openExceptions()).isEmpty();

        InvoiceSummary currency = otherInvoice(received("INV-2"), raised("INV-2", 1, ExceptionKind.CURRENCY_MISMATCH),
                resolved("INV-2", 1, ExceptionKind.CURRENCY_MISMATCH, ExceptionResolution.OVERRIDE));

        assertThat(currency.matchStatus()).isEqualTo(MatchStatus.OVERRIDDEN);
        assertThat(currency.taxStatus()).isEqualTo(TaxStatus.PENDING);
    }

    @Test
    void taxIsValidatedOrFailsWithTheRegimesReasonCodesAndALaterValidationClearsThem() {
        InvoiceSummary failed = summary(received(), taxFailed("RATE_MISMATCH", "VAT_ID_INVALID"),
                raised(1, ExceptionKind.TAX_FAILURE));

        assertThat(failed.taxStatus()).isEqualTo(TaxStatus.FAILED);
        assertThat(failed.taxReasonCodes()).containsExactly("RATE_MISMATCH", "VAT_ID_INVALID");
        assertThat(failed.openExceptions()).containsExactly(ExceptionKind.TAX_FAILURE);

        InvoiceSummary validated = summary(new InvoiceTaxValidated(INVOICE, US01, "US_SALES_USE_TAX", TAX_ENGINE,
                NINE), resolved(1, ExceptionKind.TAX_FAILURE, ExceptionResolution.CORRECTED_DATA));

        assertThat(validated.taxStatus()).isEqualTo(TaxStatus.VALIDATED);
        assertThat(validated.taxReasonCodes()).isEmpty();
        assertThat(validated.openExceptions()).isEmpty();
    }

    @Test
    void overridingATaxFailureMakesTheTaxStatusOverriddenAndLeavesTheMatchAlone() {
        InvoiceSummary invoice = summary(received(), matched(), taxFailed("RATE_MISMATCH"),
                raised(1, ExceptionKind.TAX_FAILURE),
                resolved(1, ExceptionKind.TAX_FAILURE, ExceptionResolution.OVERRIDE));

        assertThat(invoice.taxStatus()).isEqualTo(TaxStatus.OVERRIDDEN);
        assertThat(invoice.taxReasonCodes()).as("the reasons stay on record").containsExactly("RATE_MISMATCH");
        assertThat(invoice.matchStatus()).isEqualTo(MatchStatus.MATCHED);
    }

    @Test
    void overridingAnyOtherKindClosesItWithoutChangingMatchOrTax() {
        InvoiceSummary invoice = summary(received(), variance(), taxFailed("RATE_MISMATCH"),
                raised(1, ExceptionKind.SUPPLIER_BLOCKED), raised(2, ExceptionKind.DUPLICATE_SUSPICION),
                raised(3, ExceptionKind.POSTING_FAILURE), raised(4, ExceptionKind.SUPPLIER_NOT_APPROVED),
                resolved(1, ExceptionKind.SUPPLIER_BLOCKED, ExceptionResolution.OVERRIDE),
                resolved(2, ExceptionKind.DUPLICATE_SUSPICION, ExceptionResolution.OVERRIDE),
                resolved(3, ExceptionKind.POSTING_FAILURE, ExceptionResolution.OVERRIDE),
                resolved(4, ExceptionKind.SUPPLIER_NOT_APPROVED, ExceptionResolution.OVERRIDE));

        assertThat(invoice.matchStatus()).isEqualTo(MatchStatus.VARIANCE);
        assertThat(invoice.taxStatus()).isEqualTo(TaxStatus.FAILED);
        assertThat(invoice.openExceptions()).isEmpty();
    }

    @Test
    void anExceptionWaitsInItsQueueWithWhatAnApproverNeedsAndAgesUntilResolved() {
        given(received(), variance(), raised(1, ExceptionKind.MATCH_VARIANCE));

        InvoiceExceptionSummary open = exception(1, NINE.plusSeconds(60));
        assertThat(open.exceptionId()).isEqualTo("INV-1/1");
        assertThat(open.invoiceId()).isEqualTo(INVOICE);
        assertThat(open.exceptionNumber()).isEqualTo(1);
        assertThat(open.kind()).isEqualTo(ExceptionKind.MATCH_VARIANCE);
        assertThat(open.status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(open.queue()).isEqualTo("AP-NA");
        assertThat(open.region()).isEqualTo("NA");
        assertThat(open.legalEntity()).isEqualTo(US01);
        assertThat(open.supplier()).isEqualTo(SUPPLIER);
        assertThat(open.purchaseOrderId()).isEqualTo(ORDER);
        assertThat(open.gross()).isEqualTo(usd("108.00"));
        assertThat(open.varianceAmount()).isEqualTo(usd("25.00"));
        assertThat(open.detail()).isEqualTo("line 1");
        assertThat(open.raisedAt()).isEqualTo(NINE);
        assertThat(open.ageSeconds()).isEqualTo(60);
        assertThat(open.resolution()).isNull();

        given(new InvoiceExceptionResolved(INVOICE, US01, 1, ExceptionKind.MATCH_VARIANCE,
                ExceptionResolution.OVERRIDE, "controller", "agreed", PROCUREMENT, NINE.plusSeconds(600)));

        InvoiceExceptionSummary resolved = exception(1, NINE.plusSeconds(9_999));
        assertThat(resolved.status()).isEqualTo(ExceptionStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(NINE.plusSeconds(600));
        assertThat(resolved.resolution()).isEqualTo(ExceptionResolution.OVERRIDE);
        assertThat(resolved.resolvedBy()).isEqualTo("controller");
        assertThat(resolved.resolutionReason()).isEqualTo("agreed");
        assertThat(resolved.ageSeconds()).as("a resolved exception's age stops at its resolution").isEqualTo(600);
    }

    @Test
    void theQueueKeepsTheVarianceOfTheMomentTheExceptionWasRaised() {
        given(received(), variance(), raised(1, ExceptionKind.MATCH_VARIANCE),
                new InvoiceMatchVarianceFound(INVOICE, US01, ORDER, List.of(SHORT_RECEIVED), usd("5.00"), "GR-2",
                        PROCUREMENT, NINE));

        assertThat(summary().varianceAmount()).isEqualTo(usd("5.00"));
        assertThat(exception(1).varianceAmount()).isEqualTo(usd("25.00"));
    }

    @Test
    void aDetailLongerThanItsColumnIsCutWithAnEllipsis() {
        String detail = "x".repeat(2_500);
        given(received(), new InvoiceExceptionRaised(INVOICE, US01, 1, ExceptionKind.TAX_FAILURE, "NA", "AP-NA",
                SUPPLIER, ORDER, usd("108.00"), null, detail, List.of(), PROCUREMENT, NINE));

        assertThat(exception(1).detail()).hasSize(2_000).endsWith("x...");
        assertThat(exception(1).varianceAmount()).isNull();
    }

    @Test
    void openExceptionsAreKindsInDeclarationOrderAndResolvingOneOfAKindClosesTheKind() {
        InvoiceSummary open = summary(received(), raised(1, ExceptionKind.DUPLICATE_SUSPICION),
                raised(2, ExceptionKind.TAX_FAILURE), raised(3, ExceptionKind.DUPLICATE_SUSPICION));

        assertThat(open.openExceptions())
                .containsExactly(ExceptionKind.TAX_FAILURE, ExceptionKind.DUPLICATE_SUSPICION);

        InvoiceSummary after = summary(resolved(1, ExceptionKind.DUPLICATE_SUSPICION, ExceptionResolution.OVERRIDE));

        assertThat(after.openExceptions()).containsExactly(ExceptionKind.TAX_FAILURE);
        assertThat(exception(3).status()).as("the exception itself stays open in its queue")
                .isEqualTo(ExceptionStatus.OPEN);
    }

    @Test
    void aSuspectedDuplicateIsAnExceptionOfItsOwnKindAndACaughtExactDuplicateOnlyCountsAsActivity() {
        given(received(), new InvoiceExceptionRaised(INVOICE, US01, 1, ExceptionKind.DUPLICATE_SUSPICION, "NA",
                "AP-NA", SUPPLIER, ORDER, usd("108.00"), null, "same gross as INV-0", List.of(InvoiceId.of("INV-0")),
                PROCUREMENT, NINE));
        InvoiceSummary before = summary();

        InvoiceSummary after = summary(new DuplicateInvoiceSubmissionCaught(INVOICE, US01, InvoiceId.of("INV-9"),
                SUPPLIER, SupplierInvoiceNumber.of("a 1"), usd("108.00"), "clerk", new MessageId("proc-9"),
                PROCUREMENT, NINE.plusSeconds(60)));

        assertThat(exception(1).kind()).isEqualTo(ExceptionKind.DUPLICATE_SUSPICION);
        assertThat(after.openExceptions()).containsExactly(ExceptionKind.DUPLICATE_SUSPICION);
        assertThat(fixture.state("INV-1").exceptions()).hasSize(1);
        assertThat(after).usingRecursiveComparison()
                .ignoringFields("lastBusinessTime", "lastRecordedAt", "eventCount").isEqualTo(before);
        assertThat(after.lastBusinessTime()).isEqualTo(NINE.plusSeconds(60));
        assertThat(after.eventCount()).isEqualTo(3);
    }

    @Test
    void aPostingNamesTheErpDocumentAndPeriodAndClearsAnEarlierRejection() {
        InvoiceSummary rejected = summary(received(), new InvoicePostingRejected(INVOICE, US01, "PERIOD_CLOSED",
                "period 2026-10 is closed", ERP_NA, NINE));

        assertThat(rejected.erpStatus()).isEqualTo(InvoiceErpStatus.REJECTED);
        assertThat(rejected.erpRejectionReason()).isEqualTo("PERIOD_CLOSED: period 2026-10 is closed");

        InvoiceSummary posted = summary(posted());

        assertThat(posted.erpStatus()).isEqualTo(InvoiceErpStatus.POSTED);
        assertThat(posted.erpDocumentNumber()).isEqualTo("5100000815");
        assertThat(posted.fiscalPeriod()).isEqualTo("2026-11");
        assertThat(posted.erpRejectionReason()).isNull();
    }

    @Test
    void aRejectionAfterThePostingShowsTheRejectionButKeepsTheDocumentNumber() {
        InvoiceSummary invoice = summary(received(), posted(), new InvoicePostingRejected(INVOICE, US01, "VOIDED",
                "reversed", ERP_NA, NINE));

        assertThat(invoice.erpStatus()).isEqualTo(InvoiceErpStatus.REJECTED);
        assertThat(invoice.erpDocumentNumber()).isEqualTo("5100000815");
    }

    @Test
    void aStaleRejectionOnlyCountsAsActivity() {
        InvoiceSummary before = summary(received(), posted());
        InvoiceSummary after = summary(new StaleInvoicePostingRejectionRecorded(INVOICE, US01, "PERIOD_CLOSED", "late",
                NINE, ERP_NA, NINE.minusSeconds(60)));

        assertThat(after.erpStatus()).isEqualTo(InvoiceErpStatus.POSTED);
        assertThat(after.erpRejectionReason()).isNull();
        assertThat(after.lastBusinessTime()).as("business time never moves back").isEqualTo(before.lastBusinessTime());
        assertThat(after.lastRecordedAt()).isEqualTo(recorded(2));
        assertThat(after.eventCount()).isEqualTo(3);
    }

    @Test
    void aPostingAgainstThePostingControlIsFlagged() {
        InvoiceSummary invoice = summary(received(), variance(), posted(),
                new InvoicePostingControlViolated(INVOICE, US01, "5100000815", MatchStatus.VARIANCE,
                        List.of(ExceptionKind.MATCH_VARIANCE), ERP_NA, NINE));

        assertThat(invoice.postingControlViolation()).isTrue();
        assertThat(invoice.erpStatus()).isEqualTo(InvoiceErpStatus.POSTED);
        assertThat(otherInvoice(received("INV-2")).postingControlViolation()).isFalse();
    }

    @Test
    void aFinanceControlViolationIsReportedElsewhereAndOnlyCountsAsActivity() {
        InvoiceSummary before = summary(received(), posted());
        InvoiceSummary after = summary(new InvoiceControlViolated(INVOICE, US01, SUPPLIER,
                ControlKind.POSTING_BLOCKED_SUPPLIER, null, null, null, 2, null, "supplier blocked", List.of(), ERP_NA,
                NINE));

        assertThat(after.postingControlViolation()).isFalse();
        assertThat(after).usingRecursiveComparison()
                .ignoringFields("lastRecordedAt", "eventCount").isEqualTo(before);
        assertThat(after.eventCount()).isEqualTo(3);
    }

    @Test
    void anErpReportBeforeTheInvoiceIsKeptWithProcurementsFieldsEmptyUntilItArrives() {
        InvoiceSummary early = summary(new InvoicePostedInErp(INVOICE, null, "5100000815", "2026-11", ERP_NA,
                NINE.minusSeconds(3_600)));

        assertThat(early.erpStatus()).isEqualTo(InvoiceErpStatus.POSTED);
        assertThat(early.supplier()).isNull();
        assertThat(early.legalEntity()).isNull();
        assertThat(early.gross()).isNull();
        assertThat(early.amountPaid()).as("no currency yet, so no amount").isNull();
        assertThat(early.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);

        InvoiceSummary received = summary(received());

        assertThat(received.erpStatus()).isEqualTo(InvoiceErpStatus.POSTED);
        assertThat(received.supplier()).isEqualTo(SUPPLIER);
        assertThat(received.amountPaid().amount()).isEqualByComparingTo("0");
        assertThat(received.lastBusinessTime()).isEqualTo(NINE);
        assertThat(received.eventCount()).isEqualTo(2);
    }

    @Test
    void schedulesAddUpAndAPaymentIsKnownByItsReferenceWithTheInvoicesSupplier() {
        InvoiceSummary invoice = summary(received(), scheduled("P1", "60.00"), scheduled("P2", "48.00"));

        assertThat(invoice.paymentStatus()).isEqualTo(PaymentStatus.SCHEDULED);
        assertThat(invoice.amountScheduled()).isEqualTo(usd("108.00"));
        assertThat(invoice.confirmationStatus()).isEqualTo(ConfirmationStatus.NO_PAYMENT);
        InvoicePaymentState payment = payment("P1");
        assertThat(payment.paymentId()).isEqualTo("INV-1/P1");
        assertThat(payment.supplierId()).isEqualTo("SUP-1");
        assertThat(payment.legalEntity()).isEqualTo("US01");
        assertThat(payment.amount()).isEqualByComparingTo("60.00");
        assertThat(payment.dueDate()).isEqualTo(DUE);
        assertThat(payment.executedAt()).isNull();
    }

    @Test
    void partialPaymentsAddUpToPaidAndTheExecutedAmountIsThePayments() {
        InvoiceSummary partly = summary(received(), scheduled("P1", "60.00"), executed("P1", "50.00", "50.00"));

        assertThat(partly.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(partly.amountPaid()).isEqualTo(usd("50.00"));
        assertThat(payment("P1").amount()).isEqualByComparingTo("50.00");
        assertThat(payment("P1").valueDate()).isEqualTo(DUE);
        assertThat(payment("P1").executedAt()).isEqualTo(NINE);

        InvoiceSummary paid = summary(executed("P2", "58.00", "108.00"));

        assertThat(paid.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.amountPaid()).isEqualTo(usd("108.00"));
    }

    @Test
    void aScheduleAfterTheExecutionChangesTheDueDateOnly() {
        given(received(), executed("P1", "50.00", "50.00"), new InvoicePaymentScheduled(INVOICE, US01, "P1",
                usd("60.00"), DUE.plusDays(5), TREASURY, NINE, false));

        assertThat(payment("P1").amount()).isEqualByComparingTo("50.00");
        assertThat(payment("P1").dueDate()).isEqualTo(DUE.plusDays(5));
        assertThat(summary().amountScheduled()).isEqualTo(usd("60.00"));
    }

    @Test
    void anOverpaymentIsFlaggedOverWhateverWasPaid() {
        InvoiceSummary invoice = summary(received(), executed("P1", "60.00", "60.00"),
                executed("P2", "50.00", "110.00"), new InvoiceOverpaymentFlagged(INVOICE, US01, "P2", usd("110.00"),
                        usd("108.00"), usd("2.00"), TREASURY, NINE));

        assertThat(invoice.paymentStatus()).isEqualTo(PaymentStatus.OVERPAID);
        assertThat(invoice.overpaid()).isTrue();
        assertThat(invoice.amountPaid()).isEqualTo(usd("110.00"));
    }

    @Test
    void aPaymentInAnotherCurrencyIsOnItsOwnRowInItsCurrencyAwaitsItsConfirmationAndLeavesTheAmountPaidAlone() {
        InvoiceSummary invoice = summary(received(), executed("P1", "60.00", "60.00"),
                new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, "P2", Money.of("45.00", "EUR"), DUE,
                        usd("60.00"), usd("108.00"), null, TREASURY, NINE.plusSeconds(60)),
                new InvoiceControlViolated(INVOICE, US01, SUPPLIER, ControlKind.PAYMENT_CURRENCY_MISMATCH, "P2", null,
                        null, null, null, "paid in EUR", List.of(), TREASURY, NINE.plusSeconds(60)));

        assertThat(invoice.amountPaid()).isEqualTo(usd("60.00"));
        assertThat(invoice.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(invoice.overpaid()).isFalse();
        assertThat(invoice.paymentsAwaitingConfirmation()).isEqualTo(2);
        assertThat(payment("P2").currency()).isEqualTo("EUR");
        assertThat(payment("P2").amount()).isEqualByComparingTo("45.00");
        assertThat(payment("P2").executedAt()).isEqualTo(NINE.plusSeconds(60));
        assertThat(payment("P1").currency()).isEqualTo("USD");
    }

    @Test
    void anExecutedPaymentAwaitsProcurementsAcknowledgmentAndTheFirstDeliveryCounts() {
        InvoiceSummary awaiting = summary(received(), executed("P1", "108.00", "108.00"),
                delivered("P1", NINE.plusSeconds(30)), delivered("P1", NINE.plusSeconds(90)));

        assertThat(awaiting.confirmationStatus()).isEqualTo(ConfirmationStatus.AWAITING_ACKNOWLEDGMENT);
        assertThat(awaiting.paymentsAwaitingConfirmation()).isEqualTo(1);
        UnconfirmedPayment unconfirmed = payment("P1").toUnconfirmed(NINE.plusSeconds(300));
        assertThat(unconfirmed.confirmationDeliveredAt()).isEqualTo(NINE.plusSeconds(30));
        assertThat(unconfirmed.executedAt()).isEqualTo(NINE);
        assertThat(unconfirmed.waitingSeconds()).isEqualTo(300);
        assertThat(unconfirmed.supplier()).isEqualTo(SUPPLIER);
        assertThat(unconfirmed.amount()).isEqualTo(usd("108.00"));

        InvoiceSummary acknowledged = summary(acknowledged("P1"));

        assertThat(acknowledged.confirmationStatus()).isEqualTo(ConfirmationStatus.ACKNOWLEDGED);
        assertThat(acknowledged.paymentsAwaitingConfirmation()).isZero();
        assertThat(payment("P1").confirmationAcknowledgedAt()).isEqualTo(NINE.plusSeconds(60));
    }

    @Test
    void aRepeatedAcknowledgmentCountsOnce() {
        InvoiceSummary invoice = summary(received(), executed("P1", "60.00", "60.00"),
                executed("P2", "48.00", "108.00"), acknowledged("P1"), acknowledged("P1"));

        assertThat(invoice.paymentsAwaitingConfirmation()).isEqualTo(1);
        assertThat(invoice.confirmationStatus()).isEqualTo(ConfirmationStatus.AWAITING_ACKNOWLEDGMENT);
        assertThat(invoice.eventCount()).isEqualTo(5);
    }

    @Test
    void keepsTheLatestBusinessTimeWhenMessagesArriveOutOfOrder() {
        fixture.recordedAt(NINE.plusSeconds(120), received());
        fixture.recordedAt(NINE.plusSeconds(180), new InvoiceTaxValidated(INVOICE, US01, "US_SALES_USE_TAX",
                TAX_ENGINE, NINE.minusSeconds(600)));

        InvoiceSummary invoice = summary();
        assertThat(invoice.lastBusinessTime()).isEqualTo(NINE);
        assertThat(invoice.lastRecordedAt()).isEqualTo(NINE.plusSeconds(180));
        assertThat(invoice.eventCount()).isEqualTo(2);
    }

    @Test
    void eachInvoiceIsItsOwnDocument() {
        given(received(), received("INV-2"), matched());

        assertThat(summary().matchStatus()).isEqualTo(MatchStatus.MATCHED);
        assertThat(fixture.state("INV-2").invoice().toSummary().matchStatus()).isNull();
        assertThat(fixture.state("INV-2").invoice().eventCount()).isEqualTo(1);
    }

    @Test
    void theStateSurvivesTheRebuildsSpillAndTheRowsUnchanged() throws Exception {
        InvoiceStates state = given(received(), variance(), taxFailed("RATE_MISMATCH", "VAT_ID_INVALID"),
                raised(1, ExceptionKind.MATCH_VARIANCE), raised(2, ExceptionKind.TAX_FAILURE), posted(),
                scheduled("P1", "60.00"), executed("P1", "60.00", "60.00"), delivered("P1", NINE));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(state);
        }
        assertThat(new InvoiceView(state.invoice()).state()).isEqualTo(state.invoice());
        assertThat(new InvoiceExceptionView(state.exceptions().get("INV-1/1")).state())
                .isEqualTo(state.exceptions().get("INV-1/1"));
        assertThat(new InvoicePaymentView(payment("P1")).state()).isEqualTo(payment("P1"));
        assertThat(state.invoice().canonicalLine()).contains("|TAX_FAILURE,MATCH_VARIANCE|")
                .contains("|RATE_MISMATCH,VAT_ID_INVALID|");
    }

    private InvoiceStates given(InvoiceEvent... events) {
        return fixture.given(events).state("INV-1");
    }

    private InvoiceSummary summary(InvoiceEvent... events) {
        return given(events).invoice().toSummary();
    }

    private InvoiceSummary otherInvoice(InvoiceEvent... events) {
        return fixture.given(events).state("INV-2").invoice().toSummary();
    }

    private InvoiceExceptionSummary exception(int number) {
        return exception(number, NINE);
    }

    private InvoiceExceptionSummary exception(int number, Instant now) {
        return fixture.state("INV-1").exceptions().get("INV-1/" + number).toSummary(now);
    }

    private InvoicePaymentState payment(String reference) {
        return fixture.state("INV-1").payments().get("INV-1/" + reference);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static InvoiceReceived received() {
        return received("INV-1");
    }

    private static InvoiceReceived received(String invoiceId) {
        return new InvoiceReceived(InvoiceId.of(invoiceId), US01, SUPPLIER, SupplierInvoiceNumber.of("A-1"), "A1",
                LocalDate.parse("2026-11-24"), ORDER, ERP_NA, "NA", "AP-NA", "US_SALES_USE_TAX",
                List.of(new InvoiceLine(1, 1, Quantity.of("10", "EA"), UnitPrice.of("10.00", "USD"), "S1")),
                usd("100.00"), usd("8.00"), usd("108.00"), "clerk", PROCUREMENT, NINE);
    }

    private static InvoiceMatched matched() {
        return new InvoiceMatched(INVOICE, US01, ORDER, List.of(MATCHING), "INVOICE_RECEIVED", PROCUREMENT, NINE);
    }

    private static InvoiceMatchVarianceFound variance() {
        return new InvoiceMatchVarianceFound(INVOICE, US01, ORDER, List.of(SHORT_RECEIVED), usd("25.00"),
                "INVOICE_RECEIVED", PROCUREMENT, NINE);
    }

    private static InvoiceTaxValidationFailed taxFailed(String... reasonCodes) {
        return new InvoiceTaxValidationFailed(INVOICE, US01, "US_SALES_USE_TAX", "NA", List.of(reasonCodes), "bad",
                TAX_ENGINE, NINE);
    }

    private static InvoiceExceptionRaised raised(int number, ExceptionKind kind) {
        return raised("INV-1", number, kind);
    }

    private static InvoiceExceptionRaised raised(String invoiceId, int number, ExceptionKind kind) {
        return new InvoiceExceptionRaised(InvoiceId.of(invoiceId), US01, number, kind, "NA", "AP-NA", SUPPLIER, ORDER,
                usd("108.00"), kind == ExceptionKind.MATCH_VARIANCE ? usd("25.00") : null, "line 1", List.of(),
                PROCUREMENT, NINE);
    }

    private static InvoiceExceptionResolved resolved(int number, ExceptionKind kind, ExceptionResolution how) {
        return resolved("INV-1", number, kind, how);
    }

    private static InvoiceExceptionResolved resolved(String invoiceId, int number, ExceptionKind kind,
                                                     ExceptionResolution how) {
        return new InvoiceExceptionResolved(InvoiceId.of(invoiceId), US01, number, kind, how, "controller", "agreed",
                PROCUREMENT, NINE);
    }

    private static InvoicePostedInErp posted() {
        return new InvoicePostedInErp(INVOICE, US01, "5100000815", "2026-11", ERP_NA, NINE);
    }

    private static InvoicePaymentScheduled scheduled(String reference, String amount) {
        return new InvoicePaymentScheduled(INVOICE, US01, reference, usd(amount), DUE, TREASURY, NINE, false);
    }

    private static InvoicePaymentExecuted executed(String reference, String amount, String totalPaid) {
        return new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, reference, usd(amount), DUE, usd(totalPaid),
                usd("108.00"), null, TREASURY, NINE);
    }

    private static PaymentConfirmationDelivered delivered(String reference, Instant at) {
        return new PaymentConfirmationDelivered(INVOICE, US01, reference, NINE, TREASURY, at, false);
    }

    private static PaymentConfirmationAcknowledged acknowledged(String reference) {
        return new PaymentConfirmationAcknowledged(INVOICE, US01, reference, NINE, PROCUREMENT, NINE.plusSeconds(60));
    }
}
