package org.integrationledger.app.web;

import org.integrationledger.app.support.InvoiceRequests;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.PurchaseOrderRequests;
import org.integrationledger.app.support.SupplierRequests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every connector command endpoint with a valid body for it and the key of a connector allowed to send it: the
 * starting points the hostile-request properties mutate one thing in. An endpoint that creates a document gets a
 * new id each time; the others address documents made once by {@link #prepare}.
 */
public record ConnectorEndpoints(String purchaseOrderId, String invoiceId, String supplierId) {

    private static final Instant MONDAY_10AM = Instant.parse("2026-11-23T10:00:00Z");

    /** One endpoint: its path template as the OpenAPI document names it, the key to send with, a valid body. */
    public record Endpoint(String template, String path, String apiKey, Supplier<Map<String, Object>> body) {

        @Override
        public String toString() {
            return template;
        }
    }

    /** Issues an order, receives an invoice against it and requests a supplier, so later commands find them. */
    public static ConnectorEndpoints prepare(LedgerApi api) {
        String purchaseOrderId = PurchaseOrderRequests.newPurchaseOrderId();
        String invoiceId = InvoiceRequests.newInvoiceId();
        String supplierId = SupplierRequests.newSupplierId();
        api.post("/api/v1/purchase-orders/" + purchaseOrderId + "/issue", LedgerApi.PROCUREMENT_KEY,
                InvoiceRequests.purchaseOrder("SUP-4711", "US01", "USD"));
        api.post(InvoiceRequests.path(invoiceId, "receipt"), LedgerApi.PROCUREMENT_KEY,
                InvoiceRequests.invoice("SUP-4711", purchaseOrderId, InvoiceRequests.newInvoiceNumber(), "USD"));
        api.post(SupplierRequests.path(supplierId, "request"), LedgerApi.PROCUREMENT_KEY,
                SupplierRequests.request(SupplierRequests.newVatNumber()));
        return new ConnectorEndpoints(purchaseOrderId, invoiceId, supplierId);
    }

    public List<Endpoint> all() {
        return List.of(
                order("requisition-approval", LedgerApi.PROCUREMENT_KEY,
                        () -> PurchaseOrderRequests.requisitionApproval("US01")),
                new Endpoint("/api/v1/purchase-orders/{purchaseOrderId}/issue", null, LedgerApi.PROCUREMENT_KEY,
                        () -> PurchaseOrderRequests.issue("US01", "USD")),
                order("amendments", LedgerApi.PROCUREMENT_KEY,
                        () -> PurchaseOrderRequests.amendment(2, "2050.00", "100")),
                order("erp-postings", LedgerApi.ERP_NA_KEY,
                        () -> PurchaseOrderRequests.erpPosting("ERP_NA", 1, "4500000001")),
                order("erp-rejections", LedgerApi.ERP_NA_KEY, () -> PurchaseOrderRequests.erpRejection("ERP_NA", 1)),
                order("goods-receipts", LedgerApi.PROCUREMENT_KEY, () -> PurchaseOrderRequests.receipt("10", "1")),
                order("goods-receipt-postings", LedgerApi.ERP_NA_KEY,
                        () -> PurchaseOrderRequests.receiptPosting("ERP_NA", "GR-1")),
                order("cancellation", LedgerApi.PROCUREMENT_KEY, PurchaseOrderRequests::cancellation),
                order("closure", LedgerApi.PROCUREMENT_KEY, PurchaseOrderRequests::closure),
                new Endpoint("/api/v1/invoices/{invoiceId}/receipt", null, LedgerApi.PROCUREMENT_KEY,
                        () -> InvoiceRequests.invoice("SUP-4711", purchaseOrderId, InvoiceRequests.newInvoiceNumber(),
                                "USD")),
                invoice("tax-validations", LedgerApi.TAX_KEY, InvoiceRequests::taxValidated),
                invoice("exception-overrides", LedgerApi.PROCUREMENT_KEY,
                        () -> InvoiceRequests.override("MATCH_VARIANCE", InvoiceRequests.NA_APPROVER)),
                invoice("erp-postings", LedgerApi.ERP_NA_KEY, () -> InvoiceRequests.erpPosting("ERP_NA", "5100000001")),
                invoice("erp-rejections", LedgerApi.ERP_NA_KEY, () -> InvoiceRequests.erpRejection("ERP_NA")),
                invoice("payment-schedules", LedgerApi.TREASURY_KEY,
                        () -> InvoiceRequests.paymentSchedule("PAY-1", "2214.00", "USD")),
                invoice("payments", LedgerApi.TREASURY_KEY, () -> InvoiceRequests.payment("PAY-1", "2214.00", "USD")),
                invoice("payment-confirmation-deliveries", LedgerApi.TREASURY_KEY,
                        () -> InvoiceRequests.confirmationDelivery("PAY-1")),
                invoice("payment-confirmations", LedgerApi.PROCUREMENT_KEY,
                        () -> InvoiceRequests.confirmation("PAY-1")),
                new Endpoint("/api/v1/suppliers/{supplierId}/request", null, LedgerApi.PROCUREMENT_KEY,
                        () -> SupplierRequests.request(SupplierRequests.newVatNumber())),
                supplier("approval", LedgerApi.PROCUREMENT_KEY,
                        () -> SupplierRequests.decision("vendor.approver@example.com", null)),
                supplier("rejection", LedgerApi.PROCUREMENT_KEY,
                        () -> SupplierRequests.decision("vendor.approver@example.com", "duplicate of an existing one")),
                supplier("golden-record", LedgerApi.ERP_NA_KEY,
                        () -> SupplierRequests.goldenRecord("ERP_NA", "V-100001", MONDAY_10AM)),
                supplier("changes", LedgerApi.ERP_NA_KEY,
                        () -> SupplierRequests.change("ERP_NA", "Kugellager Werke AG", MONDAY_10AM)),
                supplier("bank-account-changes", LedgerApi.ERP_NA_KEY,
                        () -> SupplierRequests.bankProposal(SupplierRequests.NEW_IBAN, "clerk@example.com",
                                MONDAY_10AM)),
                supplier("bank-account-changes/approval", LedgerApi.ERP_NA_KEY,
                        () -> SupplierRequests.bankApproval("controller@example.com", MONDAY_10AM)),
                supplier("block", LedgerApi.ERP_NA_KEY, () -> SupplierRequests.block("fraud suspicion", MONDAY_10AM)),
                supplier("unblock", LedgerApi.ERP_NA_KEY, () -> SupplierRequests.block("cleared", MONDAY_10AM)),
                supplier("acknowledgments", LedgerApi.ERP_NA_KEY,
                        () -> SupplierRequests.acknowledgment("ERP_NA", 1, "V-100001", null, MONDAY_10AM)),
                supplier("propagation-failures", LedgerApi.ERP_NA_KEY,
                        () -> SupplierRequests.failure("ERP_NA", 1, "vendor master locked", MONDAY_10AM)));
    }

    /** The path to send to: the prepared document's, or a new id for an endpoint that creates one. */
    public static String pathOf(Endpoint endpoint) {
        if (endpoint.path() != null) {
            return endpoint.path();
        }
        return endpoint.template()
                .replace("{purchaseOrderId}", PurchaseOrderRequests.newPurchaseOrderId())
                .replace("{invoiceId}", InvoiceRequests.newInvoiceId())
                .replace("{supplierId}", SupplierRequests.newSupplierId());
    }

    private Endpoint order(String action, String key, Supplier<Map<String, Object>> body) {
        return new Endpoint("/api/v1/purchase-orders/{purchaseOrderId}/" + action,
                "/api/v1/purchase-orders/" + purchaseOrderId + "/" + action, key, body);
    }

    private Endpoint invoice(String action, String key, Supplier<Map<String, Object>> body) {
        return new Endpoint("/api/v1/invoices/{invoiceId}/" + action, InvoiceRequests.path(invoiceId, action), key,
                body);
    }

    private Endpoint supplier(String action, String key, Supplier<Map<String, Object>> body) {
        return new Endpoint("/api/v1/suppliers/{supplierId}/" + action, SupplierRequests.path(supplierId, action), key,
                body);
    }
}
