package org.integrationledger.app.supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.integrationledger.app.support.EventTable;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.SupplierRequests.IBAN;
import static org.integrationledger.app.support.SupplierRequests.NEW_IBAN;
import static org.integrationledger.app.support.SupplierRequests.bankApproval;
import static org.integrationledger.app.support.SupplierRequests.bankProposal;
import static org.integrationledger.app.support.SupplierRequests.MONDAY_8AM;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.block;
import static org.integrationledger.app.support.SupplierRequests.change;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * A supplier's whole life over HTTP on real PostgreSQL: requested, approved, golden record created by the owner,
 * changed, blocked and unblocked, each version acknowledged by every target, with a late (stale) acknowledgment.
 */
class SupplierLifecycleIntegrationTest extends LedgerIntegrationTest {

    private static final Instant DAY_2 = MONDAY_8AM.plusSeconds(86_400);

    @Autowired
    private JdbcTemplate jdbc;
    private EventTable events;

    @BeforeEach
    void readEventStore() {
        events = new EventTable(jdbc);
    }

    @Test
    void aCopyAcknowledgedLateWithTheBankAccountOfAnOlderVersionIsStaleAndDoesNotMatch() {
        // given a supplier whose golden record moved to version 2 with a new bank account
        String supplier = newSupplierId();
        ok(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok(path(supplier, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-100043", MONDAY_8AM.plusSeconds(7_200)));
        ok(path(supplier, "bank-account-changes"), ERP_NA_KEY, bankProposal(NEW_IBAN, "clerk@example.com", DAY_2));
        ok(path(supplier, "bank-account-changes/approval"), ERP_NA_KEY,
                bankApproval("controller@example.com", DAY_2.plusSeconds(60)));

        // when ERP_EMEA acknowledges version 1, holding the old account
        Response late = ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY,
                acknowledgment("ERP_EMEA", 1, "E-7002", IBAN, DAY_2.plusSeconds(120)));

        // then it is stale, and the copy holds version 1 with an account that is not the golden record's
        assertThat(late.body().path("recorded").get(0).asText()).isEqualTo("StaleSupplierAcknowledgmentRecorded");
        JsonNode view = awaitSupplier(supplier, v -> copy(v, "ERP_EMEA").path("staleAcknowledgments").asInt() == 1);
        assertThat(copy(view, "ERP_EMEA").path("acknowledgedVersion").asInt()).isEqualTo(1);
        assertThat(copy(view, "ERP_EMEA").path("requestedVersion").asInt()).isEqualTo(2);
        assertThat(copy(view, "ERP_EMEA").path("bankAccountMatchesGoldenRecord").asBoolean(true)).isFalse();
    }

    @Test
    void tracksASupplierFromRequestToEveryAcknowledgedVersion() {
        String supplier = newSupplierId();
        Map<String, Object> request = request(newVatNumber());
        ok(path(supplier, "request"), PROCUREMENT_KEY, request);
        Response retried = api.post(path(supplier, "request"), PROCUREMENT_KEY, request);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.replayed()).isEqualTo("true");
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        Response created = ok(path(supplier, "golden-record"), ERP_NA_KEY,
                goldenRecord("ERP_NA", "V-100042", MONDAY_8AM.plusSeconds(7_200)));
        assertThat(created.body().path("recorded").toString())
                .isEqualTo("[\"GoldenRecordCreated\",\"SupplierVersionPropagationRequested\"]");

        JsonNode active = awaitSupplier(supplier, view -> view.path("state").asText().equals("ACTIVE")
                && view.path("copies").size() == 2
                && view.path("copies").findValuesAsText("requestedVersion").stream().allMatch("1"::equals));
        assertThat(active.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("owner").asText()).isEqualTo("ERP_NA");
        assertThat(active.path("goldenRecordVersion").asInt()).isEqualTo(1);
        assertThat(active.path("vendorNumbers").path("ERP_NA").asText()).isEqualTo("V-100042");
        assertThat(active.path("bankAccountMasked").asText()).isEqualTo("****3000");
        assertThat(active.path("blocked").asBoolean()).isFalse();
        assertThat(active.path("copies").findValuesAsText("system")).containsExactly("ERP_EMEA", "PROCUREMENT");
        assertThat(active.path("copies").findValuesAsText("requestedVersion")).containsOnly("1");

        ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 1, "E-7001", IBAN, DAY_2));
        ok(path(supplier, "acknowledgments"), PROCUREMENT_KEY, acknowledgment("PROCUREMENT", 1, supplier, null, DAY_2));
        JsonNode upToDate = awaitSupplier(supplier, view -> copy(view, "PROCUREMENT").path("acknowledgedVersion").asInt() == 1);
        assertThat(copy(upToDate, "ERP_EMEA").path("reference").asText()).isEqualTo("E-7001");
        assertThat(copy(upToDate, "ERP_EMEA").path("bankAccountMatchesGoldenRecord").asBoolean()).isTrue();
        assertThat(copy(upToDate, "ERP_EMEA").path("pendingSince").isNull()).isTrue();
        assertThat(upToDate.path("vendorNumbers").path("ERP_EMEA").asText()).isEqualTo("E-7001");

        ok(path(supplier, "changes"), ERP_NA_KEY, change("ERP_NA", "Kugellager Werke SE", DAY_2));
        ok(path(supplier, "block"), ERP_NA_KEY, block("fraud suspicion", DAY_2.plusSeconds(60)));
        // One command records several events; the view may show the first before the rest, so wait for all.
        JsonNode blocked = awaitSupplier(supplier, view -> view.path("blocked").asBoolean()
                && copy(view, "ERP_EMEA").path("requestedVersion").asInt() == 3);
        assertThat(blocked.path("goldenRecordVersion").asInt()).isEqualTo(3);
        assertThat(blocked.path("legalName").asText()).isEqualTo("Kugellager Werke SE");
        assertThat(copy(blocked, "ERP_EMEA").path("requestedVersion").asInt()).isEqualTo(3);
        assertThat(copy(blocked, "ERP_EMEA").path("pendingSince").asText()).isEqualTo(DAY_2.toString());

        ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 3, "E-7001", null, DAY_2));
        Response late = ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY,
                acknowledgment("ERP_EMEA", 2, "E-7001", null, DAY_2));
        assertThat(late.body().path("recorded").get(0).asText()).isEqualTo("StaleSupplierAcknowledgmentRecorded");
        JsonNode afterStale = awaitSupplier(supplier,
                view -> copy(view, "ERP_EMEA").path("staleAcknowledgments").asInt() == 1);
        assertThat(copy(afterStale, "ERP_EMEA").path("acknowledgedVersion").asInt()).isEqualTo(3);
        assertThat(copy(afterStale, "ERP_EMEA").path("pendingSince").isNull()).isTrue();
        assertThat(copy(afterStale, "PROCUREMENT").path("acknowledgedVersion").asInt()).isEqualTo(1);

        ok(path(supplier, "unblock"), ERP_NA_KEY, block("cleared by compliance", DAY_2.plusSeconds(120)));
        JsonNode unblocked = awaitSupplier(supplier, view -> !view.path("blocked").asBoolean()
                && copy(view, "ERP_EMEA").path("requestedVersion").asInt() == 4);
        assertThat(unblocked.path("goldenRecordVersion").asInt()).isEqualTo(4);
        assertThat(copy(unblocked, "ERP_EMEA").path("requestedVersion").asInt()).isEqualTo(4);

        assertThat(events.eventTypes(supplier)).containsExactly("SupplierRequested", "SupplierRequestApproved",
                "GoldenRecordCreated", "SupplierVersionPropagationRequested", "SupplierCopyAcknowledged",
                "SupplierCopyAcknowledged", "SupplierDetailsChanged", "SupplierVersionPropagationRequested",
                "SupplierBlocked", "SupplierVersionPropagationRequested", "SupplierCopyAcknowledged",
                "StaleSupplierAcknowledgmentRecorded", "SupplierUnblocked", "SupplierVersionPropagationRequested");
        assertThat(events.metaData(supplier, 2)).contains("\"connectorId\":\"erp-na-connector\"")
                .contains("\"reportingSystem\":\"ERP_NA\"");
    }

    @Test
    void aRejectedRequestReleasesItsTaxIdForAnotherSupplier() {
        String vat = newVatNumber();
        String rejected = newSupplierId();
        ok(path(rejected, "request"), PROCUREMENT_KEY, request(vat));
        ok(path(rejected, "rejection"), PROCUREMENT_KEY, decision("compliance@example.com", "sanctions hit"));

        ok(path(newSupplierId(), "request"), PROCUREMENT_KEY, request(vat));
        awaitSupplier(rejected, view -> view.path("state").asText().equals("REJECTED"));
    }

    private Response ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private JsonNode awaitSupplier(String supplier, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/suppliers/" + supplier, REPORTING_KEY),
                response -> response.status() == 200 && condition.test(response.body())).body();
    }

    static JsonNode copy(JsonNode supplier, String system) {
        for (JsonNode copy : supplier.path("copies")) {
            if (copy.path("system").asText().equals(system)) {
                return copy;
            }
        }
        return MissingNode.getInstance();
    }
}
