package org.integrationledger.app.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invoice connector request bodies of the reference scenario: a supplier of its own per test (so duplicate and
 * suspicion rules never see another test's invoices) invoices the standard purchase order of
 * {@link PurchaseOrderRequests}: 100 EA bearings at 12.50 and 10 EA housings at 80.00, net 2050.00, tax 164.00,
 * gross 2214.00, submitted by ap.clerk@example.com.
 */
public final class InvoiceRequests {

    public static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
    public static final String SUBMITTER = "ap.clerk@example.com";
    public static final String NA_APPROVER = "na.controller@example.com";
    public static final String EMEA_APPROVER = "emea.controller@example.com";
    /** The account treasury pays unless a test says otherwise: the supplier requests' IBAN. */
    public static final String BENEFICIARY_IBAN = SupplierRequests.IBAN;

    private InvoiceRequests() {
    }

    public static String newInvoiceId() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public static String newSupplierId() {
        return "SUP-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public static String newInvoiceNumber() {
        return "SI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String path(String invoiceId, String action) {
        return "/api/v1/invoices/" + invoiceId + "/" + action;
    }

    /** The standard purchase order of {@link PurchaseOrderRequests#issue}, issued to {@code supplier}. */
    public static Map<String, Object> purchaseOrder(String supplier, String legalEntity, String currency) {
        Map<String, Object> body = PurchaseOrderRequests.issue(legalEntity, currency);
        body.put("supplierId", supplier);
        return body;
    }

    /** The standard invoice: every ordered bearing and housing at the ordered price. */
    public static Map<String, Object> invoice(String supplier, String purchaseOrderId, String number,
                                              String currency) {
        return invoice(supplier, purchaseOrderId, number, currency, "12.50", "2050.00", "164.00", "2214.00");
    }

    /** The standard invoice with another unit price for the bearings (and the amounts that follow from it). */
    public static Map<String, Object> invoice(String supplier, String purchaseOrderId, String number, String currency,
                                              String bearingPrice, String net, String tax, String gross) {
        Map<String, Object> body = envelope("PROCUREMENT", TUESDAY_9AM);
        body.put("supplierId", supplier);
        body.put("supplierInvoiceNumber", number);
        body.put("invoiceDate", "2026-11-24");
        body.put("purchaseOrderId", purchaseOrderId);
        body.put("currency", currency);
        body.put("netAmount", net);
        body.put("taxAmount", tax);
        body.put("grossAmount", gross);
        body.put("submittedBy", SUBMITTER);
        body.put("lines", List.of(line(1, 1, "100", bearingPrice), line(2, 2, "10", "80.00")));
        return body;
    }

    public static Map<String, Object> taxValidated() {
        Map<String, Object> body = envelope("TAX_ENGINE", TUESDAY_9AM.plusSeconds(300));
        body.put("valid", true);
        return body;
    }

    public static Map<String, Object> taxFailed(String... reasonCodes) {
        Map<String, Object> body = envelope("TAX_ENGINE", TUESDAY_9AM.plusSeconds(300));
        body.put("valid", false);
        body.put("reasonCodes", List.of(reasonCodes));
        body.put("detail", "supplier VAT id not found in VIES");
        return body;
    }

    public static Map<String, Object> override(String kind, String approver) {
        Map<String, Object> body = envelope("PROCUREMENT", TUESDAY_9AM.plusSeconds(7_200));
        body.put("kind", kind);
        body.put("approvedBy", approver);
        body.put("reason", "confirmed with the supplier by phone");
        return body;
    }

    public static Map<String, Object> erpPosting(String erp, String documentNumber) {
        Map<String, Object> body = envelope(erp, TUESDAY_9AM.plusSeconds(10_800));
        body.put("erpDocumentNumber", documentNumber);
        body.put("fiscalPeriod", "2026-11");
        return body;
    }

    public static Map<String, Object> erpRejection(String erp) {
        Map<String, Object> body = envelope(erp, TUESDAY_9AM.plusSeconds(3_600));
        body.put("reasonCode", "PERIOD_CLOSED");
        body.put("reason", "posting period 2026-11 is closed for company code");
        return body;
    }

    public static Map<String, Object> paymentSchedule(String reference, String amount, String currency) {
        Map<String, Object> body = envelope("TREASURY", TUESDAY_9AM.plusSeconds(14_400));
        body.put("paymentReference", reference);
        body.put("currency", currency);
        body.put("amount", amount);
        body.put("dueDate", "2026-12-24");
        return body;
    }

    public static Map<String, Object> payment(String reference, String amount, String currency) {
        Map<String, Object> body = envelope("TREASURY", TUESDAY_9AM.plusSeconds(86_400));
        body.put("paymentReference", reference);
        body.put("currency", currency);
        body.put("amount", amount);
        body.put("valueDate", "2026-11-25");
        body.put("beneficiaryAccountNumber", BENEFICIARY_IBAN);
        return body;
    }

    public static Map<String, Object> confirmationDelivery(String reference) {
        Map<String, Object> body = envelope("TREASURY", TUESDAY_9AM.plusSeconds(86_460));
        body.put("paymentReference", reference);
        return body;
    }

    public static Map<String, Object> confirmation(String reference) {
        Map<String, Object> body = envelope("PROCUREMENT", TUESDAY_9AM.plusSeconds(86_700));
        body.put("paymentReference", reference);
        return body;
    }

    private static Map<String, Object> envelope(String reportingSystem, Instant occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", PurchaseOrderRequests.newMessageId());
        body.put("reportingSystem", reportingSystem);
        body.put("occurredAt", occurredAt.toString());
        return body;
    }

    private static Map<String, Object> line(int number, int purchaseOrderLine, String quantity, String unitPrice) {
        return Map.of("lineNumber", number, "purchaseOrderLine", purchaseOrderLine, "quantity", quantity,
                "unitOfMeasure", "EA", "unitPrice", unitPrice, "taxCode", "S1");
    }
}
