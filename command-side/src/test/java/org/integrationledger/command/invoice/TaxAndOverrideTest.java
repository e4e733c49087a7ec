package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.InvoiceTaxValidationFailed;
import org.integrationledger.model.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.integrationledger.command.invoice.InvoiceFixture.*;

/** Tax validation by the legal entity's regime, and overrides only by an authorised approver who did not submit. */
class TaxAndOverrideTest {

    private static InvoiceTaxValidationFailed taxFailure() {
        return new InvoiceTaxValidationFailed(INVOICE, US01, "US_SALES_USE_TAX", "NA", List.of("NEXUS_NOT_REGISTERED"),
                "ship-to state not registered", TAX_ENGINE, LATER);
    }

    private static InvoiceExceptionRaised taxException() {
        return exceptionRaised(1, ExceptionKind.TAX_FAILURE, null,
                "US_SALES_USE_TAX: NEXUS_NOT_REGISTERED (ship-to state not registered)", TAX_ENGINE, LATER);
    }

    @Test
    void aTaxFailureWithReasonCodesOfTheRegimeRaisesATaxException() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(taxFailed("NEXUS_NOT_REGISTERED"))
                .expectEvents(taxFailure(), taxException());
    }

    @Test
    void rejectsAReasonCodeTheRegimeDoesNotKnowSuchAsAVatCodeForUsSalesTax() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(taxFailed("VAT_ID_INVALID"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.UNKNOWN_TAX_REASON));
    }

    @Test
    void aSecondFailureIsRecordedWithoutASecondException() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), taxFailure(), taxException()))
                .when(taxFailed("RATE_MISMATCH"))
                .expectEvents(new InvoiceTaxValidationFailed(INVOICE, US01, "US_SALES_USE_TAX", "NA",
                        List.of("RATE_MISMATCH"), "ship-to state not registered", TAX_ENGINE, LATER));
    }

    @Test
    void aLaterValidationOfCorrectedDataResolvesTheTaxException() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), taxFailure(), taxException()))
                .when(taxValidated())
                .expectEvents(new InvoiceTaxValidated(INVOICE, US01, "US_SALES_USE_TAX", TAX_ENGINE, LATER),
                        exceptionResolved(1, ExceptionKind.TAX_FAILURE, ExceptionResolution.CORRECTED_DATA,
                                "TAX_ENGINE", "the tax engine validated the corrected invoice", TAX_ENGINE, LATER));
    }

    @Test
    void anAuthorisedApproverOverridesAnOpenExceptionWithAReason() {
        invoices(order("60", "10"), new FakeClaims())
                .given(receivedShort())
                .when(override(ExceptionKind.MATCH_VARIANCE, " NA.Controller@example.com "))
                .expectEvents(exceptionResolved(1, ExceptionKind.MATCH_VARIANCE, ExceptionResolution.OVERRIDE,
                        " NA.Controller@example.com ", "price agreed by phone with the supplier", PROCUREMENT,
                        MUCH_LATER));
    }

    @Test
    void theSubmitterMayNotOverrideEvenWhenListedAsApprover() {
        invoices(order("60", "10"), new FakeClaims())
                .given(receivedShort())
                .when(override(ExceptionKind.MATCH_VARIANCE, "Clerk@Example.com"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.APPROVER_IS_SUBMITTER));
    }

    @Test
    void someoneNotListedForTheQueueMayNotOverride() {
        invoices(order("60", "10"), new FakeClaims())
                .given(receivedShort())
                .when(override(ExceptionKind.MATCH_VARIANCE, "emea.controller@example.com"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.APPROVER_NOT_AUTHORISED))
                .expectExceptionMessage(containsString("queue AP-NA"));
    }

    @Test
    void rejectsAnOverrideOfAnExceptionThatIsNotOpen() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(override(ExceptionKind.TAX_FAILURE, APPROVER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.NO_OPEN_EXCEPTION));
    }

    @Test
    void anOverriddenVarianceMayBePostedWithoutAControlViolation() {
        invoices(order("60", "10"), new FakeClaims())
                .given(plus(receivedShort(), exceptionResolved(1, ExceptionKind.MATCH_VARIANCE,
                        ExceptionResolution.OVERRIDE, APPROVER, "ok", PROCUREMENT, LATER)))
                .when(posting(ERP_NA, MUCH_LATER))
                .expectEvents(new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, MUCH_LATER));
    }
}
