package org.integrationledger.app.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.EventTable;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.SupplierRequests.MONDAY_8AM;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.change;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * The supplier projection (two tables) rebuilt from the event store while supplier commands keep arriving
 * comes out identical to the live one, and the rebuild writes no event and accepts no connector message.
 */
class SupplierViewRebuildIntegrationTest extends LedgerIntegrationTest {

    private static final String REBUILD = "/api/v1/audit/projections/supplier-view/rebuild";
    private static final String CHECKSUM = "/api/v1/audit/projections/supplier-view/checksum";
    private static final Instant DAY_2 = MONDAY_8AM.plusSeconds(86_400);

    @Autowired
    private JdbcTemplate jdbc;

    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWriter() {
        writer.shutdownNow();
    }

    @Test
    void rebuildsBothTablesUnderConcurrentCommandsAndFinishesIdenticalToTheLiveViews() throws Exception {
        // More suppliers than a rebuild keeps in memory here (32, LedgerIntegrationTest), each acknowledged after all
        // were made: the rebuild spills them to PostgreSQL and reads them back for the acknowledgment.
        List<String> early = IntStream.range(0, 40).mapToObj(i -> newSupplierId()).toList();
        early.forEach(this::activeSupplier);
        early.forEach(supplier -> ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY,
                acknowledgment("ERP_EMEA", 1, "E-" + supplier, null, DAY_2)));
        String known = newSupplierId();
        activeSupplier(known);
        AtomicBoolean rebuilt = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Future<?> connectors = writer.submit(() -> {
            while (!rebuilt.get() || written.get() < 5) {
                String supplier = newSupplierId();
                activeSupplier(supplier);
                // Every kind of copy change: acknowledged, renamed (a new version), and that version pending.
                ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 1, "E-1", null, DAY_2));
                ok(path(supplier, "changes"), ERP_NA_KEY, change("ERP_NA", "Kugellager Werke AG", DAY_2));
                written.incrementAndGet();
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> written.get() >= 2
                && api.get("/api/v1/suppliers/" + known, REPORTING_KEY).status() == 200);

        Response started = api.post(REBUILD, ADMIN_KEY, "");
        Response readDuringRebuild = api.get("/api/v1/suppliers/" + known, REPORTING_KEY);
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(REBUILD, ADMIN_KEY).body(),
                progress -> !progress.path("state").asText().matches("RUNNING|SWITCHING"));
        rebuilt.set(true);
        connectors.get(60, TimeUnit.SECONDS);

        assertThat(started.status()).isEqualTo(202);
        assertThat(readDuringRebuild.status()).as("the live view keeps answering").isEqualTo(200);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("percent").asDouble()).isEqualTo(100.0);

        // Once the writers stopped and the processor caught up, both tables equal a rebuild from scratch.
        awaitCaughtUp("supplier-view");
        String live = api.get(CHECKSUM, ADMIN_KEY).body().path("checksum").asText();
        long events = new EventTable(jdbc).totalEvents();
        long messages = new EventTable(jdbc).acceptedMessages();
        long copies = jdbc.queryForObject("SELECT count(*) FROM supplier_copy_view", Long.class);

        api.post(REBUILD, ADMIN_KEY, "");
        JsonNode atRest = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(REBUILD, ADMIN_KEY).body(),
                progress -> progress.path("state").asText().matches("COMPLETED|FAILED"));

        assertThat(atRest.path("state").asText()).as(atRest.toString()).isEqualTo("COMPLETED");
        assertThat(atRest.path("checksum").asText()).as("rebuilt = live").isEqualTo(live);
        assertThat(atRest.path("statesSpilled").asLong()).as("spilled").isPositive();
        assertThat(atRest.path("statesReadBack").asLong()).as("read back").isPositive();
        assertThat(api.get(CHECKSUM, ADMIN_KEY).body().path("checksum").asText()).isEqualTo(live);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM supplier_copy_view", Long.class)).isEqualTo(copies);
        assertThat(copies).as("the copy table is part of what was compared").isPositive();
        assertThat(new EventTable(jdbc).totalEvents()).as("a rebuild appends no event").isEqualTo(events);
        assertThat(new EventTable(jdbc).acceptedMessages()).as("a rebuild sends no command").isEqualTo(messages);
    }

    private void activeSupplier(String supplier) {
        ok(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok(path(supplier, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-" + supplier,
                MONDAY_8AM.plusSeconds(7_200)));
    }

    private void ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
    }
}
