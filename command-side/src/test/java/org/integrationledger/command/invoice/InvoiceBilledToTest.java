package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.ReceiveInvoice;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.junit.jupiter.api.Test;

import static org.integrationledger.command.invoice.InvoiceFixture.*;

/**
 * The legal entity an invoice is addressed to, when the channel reads it, is recorded as billed: one other than the
 * order's is the accruals report's legal-entity mismatch, not a refusal. One the ledger does not route is refused like
 * any unknown legal entity.
 */
class InvoiceBilledToTest {

    private static ReceiveInvoice receiveBilledTo(String legalEntity) {
        return new ReceiveInvoice(newMessageId(), PROCUREMENT, RECEIVED_AT, INVOICE, SUPPLIER,
                SupplierInvoiceNumber.of("INV-0042"), INVOICE_DATE, ORDER, standardLines(), usd("2050.00"),
                usd("164.00"), usd("2214.00"), SUBMITTER, LegalEntityId.of(legalEntity));
    }

    private static InvoiceReceived receivedBilledTo(String legalEntity) {
        InvoiceReceived standard = receivedStandard();
        return new InvoiceReceived(standard.invoiceId(), standard.legalEntity(), LegalEntityId.of(legalEntity),
                standard.supplier(), standard.supplierInvoiceNumber(), standard.normalizedInvoiceNumber(),
                standard.invoiceDate(), standard.purchaseOrderId(), standard.routedTo(), standard.region(),
                standard.queue(), standard.taxRegime(), standard.lines(), standard.net(), standard.tax(),
                standard.gross(), standard.submittedBy(), standard.reportingSystem(), standard.occurredAt());
    }

    @Test
    void anInvoiceBilledToAnotherLegalEntityThanItsOrdersIsRecordedAsBilledAndMatchedAsUsual() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveBilledTo("DE01"))
                .expectEvents(receivedBilledTo("DE01"), matched(Invoice.ON_RECEIPT, PROCUREMENT, RECEIVED_AT,
                        matchedLine(bearings("100", "12.50"), "100"), matchedLine(housings("10", "80.00"), "10")))
                .expectResultMessagePayload(outcome(1, InvoiceReceived.class, InvoiceMatched.class));
    }

    @Test
    void anInvoiceBilledToItsOrdersLegalEntitySaysSo() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveBilledTo("US01"))
                .expectEvents(receivedBilledTo("US01"), matched(Invoice.ON_RECEIPT, PROCUREMENT, RECEIVED_AT,
                        matchedLine(bearings("100", "12.50"), "100"), matchedLine(housings("10", "80.00"), "10")));
    }

    @Test
    void anInvoiceBilledToALegalEntityTheLedgerDoesNotRouteIsRefused() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveBilledTo("BR01"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.UNKNOWN_LEGAL_ENTITY));
    }
}
