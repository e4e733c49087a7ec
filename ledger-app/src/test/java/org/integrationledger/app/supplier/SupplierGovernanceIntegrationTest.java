package org.integrationledger.app.supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.EventTable;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.supplier.SupplierLifecycleIntegrationTest.copy;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.SupplierRequests.MONDAY_8AM;
import static org.integrationledger.app.support.SupplierRequests.NEW_IBAN;
import static org.integrationledger.app.support.SupplierRequests.bankApproval;
import static org.integrationledger.app.support.SupplierRequests.bankProposal;
import static org.integrationledger.app.support.SupplierRequests.change;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * Governance over HTTP: only the owner (ERP_NA) changes the golden record, and a bank-account change needs a
 * second, different approver before it takes effect or propagates. A refused change writes nothing.
 */
class SupplierGovernanceIntegrationTest extends LedgerIntegrationTest {

    private static final Instant DAY_2 = MONDAY_8AM.plusSeconds(86_400);

    @Autowired
    private JdbcTemplate jdbc;
    private EventTable events;

    @BeforeEach
    void readEventStore() {
        events = new EventTable(jdbc);
    }

    @Test
    void rejectsAGoldenRecordChangeFromAnySystemButTheOwnerAndRecordsNothing() {
        String supplier = activeSupplier();

        Response byEmea = refused(supplier, "changes", ERP_EMEA_KEY, change("ERP_EMEA", "Hijacked GmbH", DAY_2), 422,
                "not-golden-record-owner");
        assertThat(byEmea.body().path("detail").asText())
                .isEqualTo("system ERP_EMEA does not own the supplier golden record; only ERP_NA changes it, "
                        + "every other system holds a copy");
        refused(supplier, "changes", PROCUREMENT_KEY, change("PROCUREMENT", "Hijacked GmbH", DAY_2), 422,
                "not-golden-record-owner");
        refused(supplier, "golden-record", ERP_EMEA_KEY, goldenRecord("ERP_EMEA", "E-1", DAY_2), 409,
                "golden-record-already-created");

        JsonNode view = api.get("/api/v1/suppliers/" + supplier, REPORTING_KEY).body();
        assertThat(view.path("legalName").asText()).isEqualTo("Kugellager Werke GmbH");
        assertThat(view.path("goldenRecordVersion").asInt()).isEqualTo(1);
    }

    @Test
    void aGoldenRecordFromANonOwnerIsRefused() {
        String supplier = newSupplierId();
        api.post(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        api.post(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        refused(supplier, "golden-record", ERP_EMEA_KEY, goldenRecord("ERP_EMEA", "E-1", DAY_2), 422,
                "not-golden-record-owner");
    }

    @Test
    void aBankAccountChangeTakesEffectOnlyAfterASecondPersonApprovesIt() {
        String supplier = activeSupplier();
        ok(path(supplier, "bank-account-changes"), ERP_NA_KEY, bankProposal(NEW_IBAN, "ap.clerk@example.com", DAY_2));
        JsonNode pending = awaitSupplier(supplier, view -> !view.path("pendingBankAccountMasked").isNull());
        assertThat(pending.path("pendingBankAccountMasked").asText()).isEqualTo("****5555");
        assertThat(pending.path("pendingBankAccountProposedBy").asText()).isEqualTo("ap.clerk@example.com");
        assertThat(pending.path("bankAccountMasked").asText()).isEqualTo("****3000");
        assertThat(pending.path("goldenRecordVersion").asInt()).isEqualTo(1);

        refused(supplier, "bank-account-changes/approval", ERP_NA_KEY, bankApproval("AP.Clerk@example.com", DAY_2),
                422, "four-eyes-required");

        ok(path(supplier, "bank-account-changes/approval"), ERP_NA_KEY, bankApproval("controller@example.com", DAY_2));
        JsonNode applied = awaitSupplier(supplier, view -> view.path("goldenRecordVersion").asInt() == 2);
        assertThat(applied.path("bankAccountMasked").asText()).isEqualTo("****5555");
        assertThat(applied.path("pendingBankAccountMasked").isNull()).isTrue();
        assertThat(applied.path("lastBankAccountApprovedBy").asText()).isEqualTo("controller@example.com");
        JsonNode emea = awaitSupplier(supplier, view -> copy(view, "ERP_EMEA").path("requestedVersion").asInt() == 2);
        assertThat(copy(emea, "PROCUREMENT").path("requestedVersion").asInt()).isEqualTo(2);
        refused(supplier, "bank-account-changes/approval", ERP_NA_KEY, bankApproval("cfo@example.com", DAY_2), 409,
                "no-pending-bank-account-change");
    }

    private String activeSupplier() {
        String supplier = newSupplierId();
        ok(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok(path(supplier, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-1", MONDAY_8AM.plusSeconds(7_200)));
        awaitSupplier(supplier, view -> view.path("state").asText().equals("ACTIVE"));
        return supplier;
    }

    private void ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private Response refused(String supplier, String action, String key, Object body, int status, String code) {
        long eventsBefore = events.totalEvents();
        long messagesBefore = events.acceptedMessages();
        Response response = api.post(path(supplier, action), key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(events.eventCount(supplier)).isPositive();
        assertThat(events.totalEvents()).as("events written by a refused change").isEqualTo(eventsBefore);
        assertThat(events.acceptedMessages()).isEqualTo(messagesBefore);
        return response;
    }

    private JsonNode awaitSupplier(String supplier, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/suppliers/" + supplier, REPORTING_KEY),
                response -> response.status() == 200 && condition.test(response.body())).body();
    }
}
