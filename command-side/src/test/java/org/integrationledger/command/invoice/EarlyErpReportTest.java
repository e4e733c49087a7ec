package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.integrationledger.command.invoice.InvoiceFixture.*;

/**
 * An ERP may report an invoice before procurement does. The report is recorded at once, and judged against the
 * posting control when the invoice arrives.
 */
class EarlyErpReportTest {

    private static InvoicePostedInErp earlyPosting(org.integrationledger.model.shared.SystemId erp) {
        return new InvoicePostedInErp(INVOICE, null, "5100000001", "2026-11", erp, RECEIVED_AT.minusSeconds(60));
    }

    @Test
    void aPostingBeforeTheInvoiceIsRecordedWithoutALegalEntityYet() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(posting(ERP_NA, RECEIVED_AT.minusSeconds(60)))
                .expectEvents(earlyPosting(ERP_NA))
                .expectResultMessagePayload(outcome(0, InvoicePostedInErp.class));
    }

    @Test
    void aMatchedInvoicePostedEarlyByItsRoutedErpNeedsNothingMore() {
        invoices(order("100", "10"), new FakeClaims())
                .given(earlyPosting(ERP_NA))
                .when(receiveStandard())
                .expectEvents(receivedMatched().toArray());
    }

    @Test
    void anUnmatchedInvoicePostedEarlyIsAControlViolationOnceReceived() {
        invoices(order("60", "10"), new FakeClaims())
                .given(earlyPosting(ERP_NA))
                .when(receiveStandard())
                .expectEvents(plus(receivedShort(), new InvoicePostingControlViolated(INVOICE, US01, "5100000001",
                        MatchStatus.VARIANCE, List.of(ExceptionKind.MATCH_VARIANCE), PROCUREMENT, RECEIVED_AT))
                        .toArray());
    }

    @Test
    void aPostingByAnotherErpThanTheRoutedOneIsAControlViolationOnceReceived() {
        invoices(order("100", "10"), new FakeClaims())
                .given(earlyPosting(ERP_EMEA))
                .when(receiveStandard())
                .expectEvents(plus(receivedMatched(), new InvoicePostingControlViolated(INVOICE, US01, "5100000001",
                        MatchStatus.MATCHED, List.of(), PROCUREMENT, RECEIVED_AT)).toArray());
    }

    @Test
    void aRejectionBeforeTheInvoiceRaisesThePostingFailureOnceReceived() {
        invoices(order("100", "10"), new FakeClaims())
                .given(new InvoicePostingRejected(INVOICE, null, "VENDOR_BLOCKED", "vendor blocked", ERP_NA,
                        RECEIVED_AT.minusSeconds(60)))
                .when(receiveStandard())
                .expectEvents(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.POSTING_FAILURE, null,
                        "VENDOR_BLOCKED: vendor blocked", PROCUREMENT, RECEIVED_AT)).toArray());
    }

    @Test
    void aRejectionBeforeTheInvoiceByAnotherErpRaisesNothingOnceReceived() {
        invoices(order("100", "10"), new FakeClaims())
                .given(new InvoicePostingRejected(INVOICE, null, "UNKNOWN_VENDOR", "vendor unknown", ERP_EMEA,
                        RECEIVED_AT.minusSeconds(60)))
                .when(receiveStandard())
                .expectEvents(receivedMatched().toArray());
    }

    @Test
    void aRejectionOlderThanAnEarlyPostingIsStaleAndRaisesNothingOnReceipt() {
        invoices(order("100", "10"), new FakeClaims())
                .given(earlyPosting(ERP_NA))
                .when(postingRejection(RECEIVED_AT.minusSeconds(120)))
                .expectEvents(new StaleInvoicePostingRejectionRecorded(INVOICE, null, "PERIOD_CLOSED",
                        "posting period closed", RECEIVED_AT.minusSeconds(60), ERP_NA, RECEIVED_AT.minusSeconds(120)));
        invoices(order("100", "10"), new FakeClaims())
                .given(earlyPosting(ERP_NA), new StaleInvoicePostingRejectionRecorded(INVOICE, null, "PERIOD_CLOSED",
                        "posting period closed", RECEIVED_AT.minusSeconds(60), ERP_NA, RECEIVED_AT.minusSeconds(120)))
                .when(receiveStandard())
                .expectEvents(receivedMatched().toArray());
    }

    @Test
    void otherFactsNeedTheInvoiceReceivedFirst() {
        invoices(order("100", "10"), new FakeClaims())
                .given(earlyPosting(ERP_NA))
                .when(taxValidated())
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.INVOICE_NOT_FOUND));
    }
}
