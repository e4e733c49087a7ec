package org.integrationledger.app.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Connector request bodies of the reference scenario, built so each test reads like the business case. */
public final class PurchaseOrderRequests {

    public static final Instant MONDAY_9AM = Instant.parse("2026-11-23T09:00:00Z");

    private PurchaseOrderRequests() {
    }

    /** A purchase-order number no other test uses, so tests can share one database. */
    public static String newPurchaseOrderId() {
        return "PO-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public static String newMessageId() {
        return "msg-" + UUID.randomUUID();
    }

    /** Two lines: 100 EA bearings at 12.50 and 10 EA housings at 80.00, total 2050.00. */
    public static Map<String, Object> issue(String legalEntity, String currency) {
        Map<String, Object> body = envelope("PROCUREMENT", MONDAY_9AM);
        body.put("supplierId", "SUP-4711");
        body.put("legalEntity", legalEntity);
        body.put("requisitionNumber", "REQ-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("currency", currency);
        body.put("totalAmount", "2050.00");
        body.put("lines", List.of(line(1, "Ball bearing 6204", "100", "12.50"), line(2, "Bearing housing", "10", "80.00")));
        return body;
    }

    public static Map<String, Object> amendment(int version, String totalAmount, String bearingQuantity) {
        Map<String, Object> body = envelope("PROCUREMENT", MONDAY_9AM.plusSeconds(3600));
        body.put("version", version);
        body.put("currency", "USD");
        body.put("totalAmount", totalAmount);
        body.put("lines", List.of(line(1, "Ball bearing 6204", bearingQuantity, "12.50"),
                line(2, "Bearing housing", "10", "80.00")));
        body.put("reason", "quantity change requested by plant");
        return body;
    }

    public static Map<String, Object> erpPosting(String erp, int version, String documentNumber) {
        Map<String, Object> body = envelope(erp, MONDAY_9AM.plusSeconds(600));
        body.put("version", version);
        body.put("erpDocumentNumber", documentNumber);
        return body;
    }

    /** The ERP posted goods receipt {@code receiptNumber} of the order. */
    public static Map<String, Object> receiptPosting(String erp, String receiptNumber) {
        Map<String, Object> body = envelope(erp, MONDAY_9AM.plusSeconds(90_000));
        body.put("receiptNumber", receiptNumber);
        body.put("erpDocumentNumber", "5000000001");
        return body;
    }

    public static Map<String, Object> erpRejection(String erp, int version) {
        Map<String, Object> body = envelope(erp, MONDAY_9AM.plusSeconds(600));
        body.put("version", version);
        body.put("reasonCode", "VENDOR_BLOCKED");
        body.put("reason", "vendor is blocked for posting in company code");
        return body;
    }

    public static Map<String, Object> receipt(String bearings, String housings) {
        Map<String, Object> body = envelope("PROCUREMENT", MONDAY_9AM.plusSeconds(86_400));
        body.put("receiptNumber", "GR-" + UUID.randomUUID().toString().substring(0, 8));
        List<Map<String, Object>> lines = new ArrayList<>();
        if (bearings != null) {
            lines.add(Map.of("lineNumber", 1, "quantity", bearings, "unitOfMeasure", "EA"));
        }
        if (housings != null) {
            lines.add(Map.of("lineNumber", 2, "quantity", housings, "unitOfMeasure", "EA"));
        }
        body.put("lines", lines);
        return body;
    }

    public static Map<String, Object> closure() {
        return envelope("PROCUREMENT", MONDAY_9AM.plusSeconds(172_800));
    }

    public static Map<String, Object> cancellation() {
        Map<String, Object> body = envelope("PROCUREMENT", MONDAY_9AM.plusSeconds(7200));
        body.put("reason", "project stopped");
        return body;
    }

    public static Map<String, Object> requisitionApproval(String legalEntity) {
        Map<String, Object> body = envelope("PROCUREMENT", MONDAY_9AM.minusSeconds(3600));
        body.put("requisitionNumber", "REQ-77");
        body.put("approvedBy", "j.doe@example.test");
        body.put("legalEntity", legalEntity);
        return body;
    }

    private static Map<String, Object> envelope(String reportingSystem, Instant occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", newMessageId());
        body.put("reportingSystem", reportingSystem);
        body.put("occurredAt", occurredAt.toString());
        return body;
    }

    private static Map<String, Object> line(int number, String description, String quantity, String unitPrice) {
        return Map.of("lineNumber", number, "description", description, "quantity", quantity,
                "unitOfMeasure", "EA", "unitPrice", unitPrice);
    }
}
