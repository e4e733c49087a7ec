package org.integrationledger.app.console;

import org.integrationledger.app.support.LedgerApi;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * An open MATCH_VARIANCE exception in queue AP-EMEA, sent through the connector API: a DE01 invoice of a supplier of
 * its own bills the standard order's bearings at 12.60 instead of 12.50 (0.8 %, outside the 0.5 % tolerance).
 */
record OpenInvoiceException(String invoiceId, String supplierId) {

    static final String KIND = "MATCH_VARIANCE";
    /** Three events: InvoiceReceived, InvoiceMatchVarianceFound, InvoiceExceptionRaised. */
    static final int EVENTS = 3;

    /** Receives the invoice as submitted by {@code submitter} and answers it once the ledger recorded it. */
    static OpenInvoiceException submittedBy(LedgerApi api, String submitter) {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        String invoiceId = newInvoiceId();
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, purchaseOrder(supplier, "DE01", "EUR")));
        ok(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")));
        Map<String, Object> body = invoice(supplier, po, newInvoiceNumber(), "EUR", "12.60", "2060.00", "164.00",
                "2224.00");
        body.put("submittedBy", submitter);
        LedgerApi.Response received = ok(api.post(path(invoiceId, "receipt"), PROCUREMENT_KEY, body));
        assertThat(received.body().path("recorded").toString()).contains("InvoiceExceptionRaised");
        return new OpenInvoiceException(invoiceId, supplier);
    }

    /** The exception queue filtered to this invoice's supplier (and so to this invoice), in any status. */
    String queuePage() {
        return "/console/exceptions?status=&supplierId=" + supplierId;
    }

    private static LedgerApi.Response ok(LedgerApi.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }
}
