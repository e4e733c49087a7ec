package org.integrationledger.app.supplier;

import org.integrationledger.app.support.EventTable;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.SupplierRequests.MONDAY_8AM;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.block;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * Every supplier rule a connector can break answers {@code application/problem+json} with its stable code and
 * status, and leaves the event store and the idempotency table exactly as they were.
 */
class SupplierRejectionIntegrationTest extends LedgerIntegrationTest {

    private static final Instant LATER = MONDAY_8AM.plusSeconds(86_400);

    @Autowired
    private JdbcTemplate jdbc;
    private EventTable events;

    @BeforeEach
    void readEventStore() {
        events = new EventTable(jdbc);
    }

    @Test
    void rejectsMalformedTaxIdsBankAccountsAndMissingFields() {
        Map<String, Object> noTaxIds = request(newVatNumber());
        noTaxIds.put("taxIds", List.of());
        Response invalid = refused(newSupplierId(), "request", PROCUREMENT_KEY, noTaxIds, 400, "validation-failed");
        assertThat(invalid.body().path("errors").findValuesAsText("field")).contains("taxIds");
        Map<String, Object> badCountry = request(newVatNumber());
        badCountry.put("taxIds", List.of(Map.of("scheme", "VAT", "country", "Germany", "value", "123")));
        refused(newSupplierId(), "request", PROCUREMENT_KEY, badCountry, 400, "validation-failed");
        Map<String, Object> shortAccount = request(newVatNumber());
        shortAccount.put("bankAccountNumber", "12-34");
        Response account = refused(newSupplierId(), "request", PROCUREMENT_KEY, shortAccount, 400,
                "validation-failed");
        assertThat(account.body().toString()).doesNotContain("12-34");
    }

    @Test
    void rejectsARequestFromAnotherKindOfSystemOrForAnUnroutedLegalEntity() {
        Map<String, Object> byErp = request(newVatNumber());
        byErp.put("reportingSystem", "ERP_NA");
        refused(newSupplierId(), "request", ERP_NA_KEY, byErp, 422, "reporting-system-not-owner");
        Map<String, Object> unrouted = request(newVatNumber());
        unrouted.put("requestingLegalEntities", List.of("JP01"));
        refused(newSupplierId(), "request", PROCUREMENT_KEY, unrouted, 422, "unknown-legal-entity");
    }

    @Test
    void rejectsCommandsAndReadsForASupplierTheLedgerDoesNotKnow() {
        refused(newSupplierId(), "approval", PROCUREMENT_KEY, decision("a@example.com", null), 404,
                "supplier-not-found");
        Response read = api.get("/api/v1/suppliers/" + newSupplierId(), REPORTING_KEY);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("supplier-not-found");
    }

    @Test
    void rejectsStepsOutOfOnboardingOrder() {
        String supplier = requested();
        refused(supplier, "request", PROCUREMENT_KEY, request(newVatNumber()), 409, "supplier-already-requested");
        refused(supplier, "golden-record", ERP_NA_KEY, goldenRecord("ERP_NA", "V-1", LATER), 409,
                "supplier-not-approved");
        refused(supplier, "block", ERP_NA_KEY, block("why", LATER), 409, "supplier-not-approved");
        refused(supplier, "rejection", PROCUREMENT_KEY, decision("compliance@example.com", null), 400,
                "validation-failed");
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head@example.com", null));
        refused(supplier, "approval", PROCUREMENT_KEY, decision("head@example.com", null), 409,
                "supplier-request-not-pending");
    }

    @Test
    void rejectsAcknowledgmentsOfVersionsTheLedgerDoesNotHaveYet() {
        String supplier = requested();
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head@example.com", null));
        refused(supplier, "acknowledgments", ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 1, "E-1", null, LATER), 409,
                "supplier-version-unknown");
        ok(path(supplier, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-1", LATER));
        refused(supplier, "acknowledgments", ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 2, "E-1", null, LATER), 409,
                "supplier-version-unknown");
        refused(supplier, "unblock", ERP_NA_KEY, block("nothing to lift", LATER), 409, "supplier-not-blocked");
    }

    @Test
    void aRetryGetsTheOriginalOutcomeAndAReusedMessageIdWithAnotherPayloadIsRefused() {
        String supplier = newSupplierId();
        Map<String, Object> first = request(newVatNumber());
        Response original = ok(path(supplier, "request"), PROCUREMENT_KEY, first);
        Response retry = ok(path(supplier, "request"), PROCUREMENT_KEY, first);
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(retry.body().path("ledgerVersion")).isEqualTo(original.body().path("ledgerVersion"));
        Map<String, Object> changed = request(newVatNumber());
        changed.put("messageId", first.get("messageId"));
        refused(newSupplierId(), "request", PROCUREMENT_KEY, changed, 409, "message-id-conflict");
    }

    private String requested() {
        String supplier = newSupplierId();
        ok(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        return supplier;
    }

    private Response ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Response refused(String supplier, String action, String key, Object body, int status, String code) {
        long eventsBefore = events.totalEvents();
        long messagesBefore = events.acceptedMessages();
        Response response = api.post(path(supplier, action), key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        assertThat(events.totalEvents()).as("events written by a refused request").isEqualTo(eventsBefore);
        assertThat(events.acceptedMessages()).as("message ids claimed by a refused request").isEqualTo(messagesBefore);
        return response;
    }
}
