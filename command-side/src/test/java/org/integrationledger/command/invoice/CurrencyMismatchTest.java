package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.ReceiveInvoice;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.integrationledger.command.invoice.InvoiceFixture.*;

/**
 * Record, then flag: an invoice billed in another currency than its order happened in the supplier's and the
 * ERP's world, so it is recorded with a currency-mismatch exception in its regional queue and not matched.
 */
class CurrencyMismatchTest {

    private static final List<InvoiceLine> CAD_LINES = List.of(
            new InvoiceLine(1, 1, Quantity.of("100", "EA"), UnitPrice.of("12.50", "CAD"), "S1"),
            new InvoiceLine(2, 2, Quantity.of("10", "EA"), UnitPrice.of("80.00", "CAD"), "S1"));

    private static ReceiveInvoice receiveInCad() {
        return new ReceiveInvoice(newMessageId(), PROCUREMENT, RECEIVED_AT, INVOICE, SUPPLIER,
                SupplierInvoiceNumber.of("INV-0042"), INVOICE_DATE, ORDER, CAD_LINES, cad("2050.00"), cad("164.00"),
                cad("2214.00"), SUBMITTER);
    }

    private static Money cad(String amount) {
        return Money.of(amount, "CAD");
    }

    private static InvoiceReceived receivedInCad() {
        return new InvoiceReceived(INVOICE, US01, SUPPLIER, SupplierInvoiceNumber.of("INV-0042"), "INV42",
                INVOICE_DATE, ORDER, ERP_NA, "NA", "AP-NA", "US_SALES_USE_TAX", CAD_LINES, cad("2050.00"),
                cad("164.00"), cad("2214.00"), SUBMITTER, PROCUREMENT, RECEIVED_AT);
    }

    private static InvoiceExceptionRaised currencyMismatch() {
        return new InvoiceExceptionRaised(INVOICE, US01, 1, ExceptionKind.CURRENCY_MISMATCH, "NA", "AP-NA", SUPPLIER,
                ORDER, cad("2214.00"), null,
                "purchase order PO-4711 is in USD, the invoice in CAD; legal entity US01 does not book in CAD",
                List.of(), PROCUREMENT, RECEIVED_AT);
    }

    @Test
    void anInvoiceInAnotherCurrencyThanItsOrderIsRecordedWithACurrencyMismatchExceptionAndNotMatched() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveInCad())
                .expectEvents(receivedInCad(), currencyMismatch())
                .expectResultMessagePayload(outcome(1, InvoiceReceived.class, InvoiceExceptionRaised.class));
    }

    @Test
    void postingItWhileTheMismatchIsOpenIsAControlViolation() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedInCad(), currencyMismatch())
                .when(posting(ERP_NA, LATER))
                .expectEvents(new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, LATER),
                        new InvoicePostingControlViolated(INVOICE, US01, "5100000001", null,
                                List.of(ExceptionKind.CURRENCY_MISMATCH), ERP_NA, LATER));
    }

    @Test
    void anAuthorisedOverrideResolvesItAndThePostingIsThenWithinTheControl() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedInCad(), currencyMismatch(),
                        exceptionResolved(1, ExceptionKind.CURRENCY_MISMATCH, ExceptionResolution.OVERRIDE, APPROVER,
                                "billed in CAD as agreed; the ERP converts", PROCUREMENT, LATER))
                .when(posting(ERP_NA, MUCH_LATER))
                .expectEvents(new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, MUCH_LATER));
    }

    @Test
    void theOverrideNeedsAnApproverOfTheQueue() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedInCad(), currencyMismatch())
                .when(override(ExceptionKind.CURRENCY_MISMATCH, APPROVER))
                .expectEvents(exceptionResolved(1, ExceptionKind.CURRENCY_MISMATCH, ExceptionResolution.OVERRIDE,
                        APPROVER, "price agreed by phone with the supplier", PROCUREMENT, MUCH_LATER));
    }
}
