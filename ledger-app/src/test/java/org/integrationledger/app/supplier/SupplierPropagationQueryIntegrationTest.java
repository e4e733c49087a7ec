package org.integrationledger.app.supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.failure;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * Question 3 over HTTP: which supplier versions has a target system left unacknowledged for longer than a
 * duration, by system and region, with the last failure; and how a copy catches up.
 */
class SupplierPropagationQueryIntegrationTest extends LedgerIntegrationTest {

    @Test
    void listsCopiesUnacknowledgedForLongerThanTheDurationBySystemAndRegion() {
        Instant sixHoursAgo = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String stuck = activeSupplier(sixHoursAgo);
        String fresh = activeSupplier(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ok(path(stuck, "propagation-failures"), ERP_EMEA_KEY,
                failure("ERP_EMEA", 1, "payment terms NET30 unknown in company code DE01", sixHoursAgo.plusSeconds(60)));
        ok(path(stuck, "acknowledgments"), PROCUREMENT_KEY, acknowledgment("PROCUREMENT", 1, stuck, null,
                sixHoursAgo.plusSeconds(120)));

        JsonNode emea = await().atMost(Duration.ofSeconds(10)).until(
                () -> unacknowledged("unacknowledgedFor=PT4H&system=ERP_EMEA&size=500"),
                page -> ids(page).contains(stuck) && !page.findValuesAsText("lastFailure").isEmpty()
                        && page.findValuesAsText("lastFailure").contains("payment terms NET30 unknown in company code DE01"));
        assertThat(ids(emea)).doesNotContain(fresh);
        JsonNode row = row(emea, stuck);
        assertThat(row.path("system").asText()).isEqualTo("ERP_EMEA");
        assertThat(row.path("region").asText()).isEqualTo("EMEA");
        assertThat(row.path("requestedVersion").asInt()).isEqualTo(1);
        assertThat(row.path("acknowledgedVersion").isNull()).isTrue();
        assertThat(row.path("pendingSince").asText()).isEqualTo(sixHoursAgo.toString());
        assertThat(row.path("failedVersion").asInt()).isEqualTo(1);

        assertThat(ids(unacknowledged("unacknowledgedFor=PT4H&region=EMEA&size=500"))).contains(stuck);
        assertThat(ids(unacknowledged("unacknowledgedFor=PT4H&region=NA&size=500"))).doesNotContain(stuck);
        // Procurement's acknowledgment was the last command on this supplier; the view may not have it yet.
        await("procurement acknowledged its copy").atMost(Duration.ofSeconds(10)).until(
                () -> !ids(unacknowledged("unacknowledgedFor=PT4H&system=PROCUREMENT&size=500")).contains(stuck));
        assertThat(ids(unacknowledged("unacknowledgedFor=PT0S&system=ERP_EMEA&size=500"))).contains(stuck, fresh);

        ok(path(stuck, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 1, "E-55", null, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> !ids(unacknowledged("unacknowledgedFor=PT4H&system=ERP_EMEA&size=500")).contains(stuck));
    }

    @Test
    void rejectsADurationThatIsNotIso8601() {
        Response response = api.get("/api/v1/supplier-copies/unacknowledged?unacknowledgedFor=4h", REPORTING_KEY);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation-failed");
    }

    private String activeSupplier(Instant createdAt) {
        String supplier = newSupplierId();
        ok(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok(path(supplier, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-9", createdAt));
        return supplier;
    }

    private JsonNode unacknowledged(String parameters) {
        Response response = api.get("/api/v1/supplier-copies/unacknowledged?" + parameters, REPORTING_KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("supplierId");
    }

    private static JsonNode row(JsonNode page, String supplier) {
        for (JsonNode item : page.path("items")) {
            if (item.path("supplierId").asText().equals(supplier)) {
                return item;
            }
        }
        throw new AssertionError("no row for " + supplier);
    }

    private void ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
