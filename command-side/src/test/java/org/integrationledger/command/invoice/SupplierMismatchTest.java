package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.ReceiveInvoice;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SupplierId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.integrationledger.command.invoice.InvoiceFixture.*;

/**
 * Record, then flag: an invoice from another supplier than the one its purchase order was issued to happened (a
 * supplier billing another's order), so it is recorded with a supplier-mismatch exception in its regional queue,
 * not matched, and an approver's override accepts it as billed.
 */
class SupplierMismatchTest {

    private static final SupplierId OTHER_SUPPLIER = SupplierId.of("SUP-9");
    private static final String DETAIL = "purchase order PO-4711 was issued to supplier SUP-4711, the invoice is from "
            + "SUP-9";

    private static ReceiveInvoice receiveFromOtherSupplier() {
        return new ReceiveInvoice(newMessageId(), PROCUREMENT, RECEIVED_AT, INVOICE, OTHER_SUPPLIER,
                SupplierInvoiceNumber.of("INV-0042"), INVOICE_DATE, ORDER, standardLines(), usd("2050.00"),
                usd("164.00"), usd("2214.00"), SUBMITTER);
    }

    private static InvoiceReceived receivedFromOtherSupplier() {
        return new InvoiceReceived(INVOICE, US01, OTHER_SUPPLIER, SupplierInvoiceNumber.of("INV-0042"), "INV42",
                INVOICE_DATE, ORDER, ERP_NA, "NA", "AP-NA", "US_SALES_USE_TAX", standardLines(), usd("2050.00"),
                usd("164.00"), usd("2214.00"), SUBMITTER, PROCUREMENT, RECEIVED_AT);
    }

    private static InvoiceExceptionRaised supplierMismatch() {
        return new InvoiceExceptionRaised(INVOICE, US01, 1, ExceptionKind.SUPPLIER_MISMATCH, "NA", "AP-NA",
                OTHER_SUPPLIER, ORDER, usd("2214.00"), null, DETAIL, List.of(), PROCUREMENT, RECEIVED_AT);
    }

    @Test
    void anInvoiceFromAnotherSupplierThanTheOrdersIsRecordedWithASupplierMismatchExceptionAndNotMatched() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveFromOtherSupplier())
                .expectEvents(receivedFromOtherSupplier(), supplierMismatch())
                .expectResultMessagePayload(outcome(1, InvoiceReceived.class, InvoiceExceptionRaised.class));
    }

    @Test
    void anotherSupplierInAnotherCurrencyRaisesBothExceptions() {
        FakeOrders eurOrder = new FakeOrders();
        eurOrder.put(new PurchaseOrderFacts.Order(ORDER, SUPPLIER, US01, CurrencyCode.of("EUR"), Map.of()));
        invoices(eurOrder, new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveFromOtherSupplier())
                .expectEvents(receivedFromOtherSupplier(), supplierMismatch(),
                        new InvoiceExceptionRaised(INVOICE, US01, 2, ExceptionKind.CURRENCY_MISMATCH, "NA", "AP-NA",
                                OTHER_SUPPLIER, ORDER, usd("2214.00"), null,
                                "purchase order PO-4711 is in EUR, the invoice in USD", List.of(), PROCUREMENT,
                                RECEIVED_AT));
    }

    @Test
    void postingItWhileTheMismatchIsOpenIsAControlViolation() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedFromOtherSupplier(), supplierMismatch())
                .when(posting(ERP_NA, LATER))
                .expectEvents(new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, LATER),
                        new InvoicePostingControlViolated(INVOICE, US01, "5100000001", null,
                                List.of(ExceptionKind.SUPPLIER_MISMATCH), ERP_NA, LATER));
    }

    @Test
    void anAuthorisedOverrideAcceptsItAsBilledAndThePostingIsThenWithinTheControl() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedFromOtherSupplier(), supplierMismatch(),
                        exceptionResolved(1, ExceptionKind.SUPPLIER_MISMATCH, ExceptionResolution.OVERRIDE, APPROVER,
                                "SUP-9 took over SUP-4711's contracts", PROCUREMENT, LATER))
                .when(posting(ERP_NA, MUCH_LATER))
                .expectEvents(new InvoicePostedInErp(INVOICE, US01, "5100000001", "2026-11", ERP_NA, MUCH_LATER));
    }

    @Test
    void theOverrideNeedsAnApproverOfTheQueueWhoDidNotSubmitIt() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedFromOtherSupplier(), supplierMismatch())
                .when(override(ExceptionKind.SUPPLIER_MISMATCH, SUBMITTER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.APPROVER_IS_SUBMITTER));
    }

    @Test
    void aLateGoodsReceiptDoesNotMatchIt() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedFromOtherSupplier(), supplierMismatch())
                .when(rematch("GR-2"))
                .expectNoEvents();
    }
}
