package org.integrationledger.app.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Supplier connector request bodies of the reference scenario: Kugellager Werke GmbH, requested by procurement
 * for DE01 and US01; ERP_NA owns golden records, so PROCUREMENT and ERP_EMEA hold copies.
 */
public final class SupplierRequests {

    /** A clear account number; none of it may ever appear in the event store or a read model. */
    public static final String IBAN = "DE89370400440532013000";
    public static final String NEW_IBAN = "GB33BUKB20201555555555";
    public static final Instant MONDAY_8AM = Instant.parse("2026-11-23T08:00:00Z");

    private SupplierRequests() {
    }

    public static String newSupplierId() {
        return "SUP-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /** A German VAT number no other test uses, so tests can share one database. */
    public static String newVatNumber() {
        return "DE" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
    }

    public static String path(String supplierId, String action) {
        return "/api/v1/suppliers/" + supplierId + "/" + action;
    }

    public static Map<String, Object> request(String vatNumber) {
        Map<String, Object> body = envelope("PROCUREMENT", MONDAY_8AM);
        body.put("legalName", "Kugellager Werke GmbH");
        body.put("taxIds", List.of(Map.of("scheme", "VAT", "country", "DE", "value", vatNumber)));
        body.put("addresses", List.of(Map.of("purpose", "REMIT_TO", "street", "Industriestr. 1",
                "city", "Schweinfurt", "postalCode", "97421", "country", "DE")));
        body.put("paymentTerms", "NET30");
        body.put("bankAccountNumber", IBAN);
        body.put("requestingLegalEntities", List.of("DE01", "US01"));
        body.put("requestedBy", "buyer.anna@example.com");
        return body;
    }

    public static Map<String, Object> decision(String by, String reason) {
        Map<String, Object> body = envelope("PROCUREMENT", MONDAY_8AM.plusSeconds(3_600));
        body.put("decidedBy", by);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    public static Map<String, Object> goldenRecord(String owner, String vendorNumber, Instant at) {
        Map<String, Object> body = envelope(owner, at);
        body.put("vendorNumber", vendorNumber);
        return body;
    }

    public static Map<String, Object> change(String system, String legalName, Instant at) {
        Map<String, Object> body = envelope(system, at);
        body.put("legalName", legalName);
        body.put("addresses", List.of());
        body.put("paymentTerms", "NET45");
        body.put("changedBy", "vendor.master@example.com");
        return body;
    }

    public static Map<String, Object> bankProposal(String iban, String by, Instant at) {
        Map<String, Object> body = envelope("ERP_NA", at);
        body.put("bankAccountNumber", iban);
        body.put("proposedBy", by);
        return body;
    }

    public static Map<String, Object> bankApproval(String by, Instant at) {
        Map<String, Object> body = envelope("ERP_NA", at);
        body.put("approvedBy", by);
        return body;
    }

    public static Map<String, Object> block(String reason, Instant at) {
        Map<String, Object> body = envelope("ERP_NA", at);
        body.put("reason", reason);
        return body;
    }

    public static Map<String, Object> acknowledgment(String system, int version, String reference, String iban,
                                                     Instant at) {
        Map<String, Object> body = envelope(system, at);
        body.put("version", version);
        body.put("reference", reference);
        if (iban != null) {
            body.put("bankAccountNumber", iban);
        }
        return body;
    }

    public static Map<String, Object> failure(String system, int version, String reason, Instant at) {
        Map<String, Object> body = envelope(system, at);
        body.put("version", version);
        body.put("reason", reason);
        return body;
    }

    private static Map<String, Object> envelope(String reportingSystem, Instant occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", "msg-" + UUID.randomUUID());
        body.put("reportingSystem", reportingSystem);
        body.put("occurredAt", occurredAt.toString());
        return body;
    }
}
