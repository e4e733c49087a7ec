package org.integrationledger.app.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.rebuild.ProjectionRebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;

/** One rebuild at a time, of any projection: a second one would hold a second set of states in the heap. */
class RebuildRefusalIntegrationTest extends LedgerIntegrationTest {

    private static final String PROJECTIONS = "/api/v1/audit/projections/";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private ProjectionRebuilds rebuilds;

    @Test
    void refusesEveryRebuildWhileOneRuns() throws Exception {
        rebuilds.awaitIdle();
        Response started;
        try (Connection holder = dataSource.getConnection()) {
            // The reconciliation rebuild's first step clears its spill rows: holding the table keeps it RUNNING.
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE projection_rebuild_spill IN ACCESS EXCLUSIVE MODE");
            }
            started = api.post(PROJECTIONS + "reconciliation-view/rebuild", ADMIN_KEY, "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);

            for (String path : new String[] {"purchase-order-view/rebuild", "reconciliation-view/rebuild", "rebuild"}) {
                Response refused = api.post(PROJECTIONS + path, ADMIN_KEY, "");
                assertThat(refused.status()).as(path + ": " + refused).isEqualTo(409);
                assertThat(refused.contentType()).isEqualTo("application/problem+json");
                assertThat(refused.code()).isEqualTo("rebuild-running");
                assertThat(refused.body().path("running").toString()).isEqualTo("[\"reconciliation-view\"]");
            }
            assertThat(state("purchase-order-view")).as("the refused rebuild did not start").isNotEqualTo("RUNNING");
            holder.rollback();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> state("reconciliation-view"), s -> s.equals("COMPLETED"));

        Response next = api.post(PROJECTIONS + "purchase-order-view/rebuild", ADMIN_KEY, "");
        assertThat(next.status()).as("once it has ended, the next one starts: " + next).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> state("purchase-order-view"), s -> s.equals("COMPLETED"));
    }

    private String state(String projection) {
        JsonNode progress = api.get(PROJECTIONS + projection + "/rebuild", ADMIN_KEY).body();
        return progress.path("state").asText();
    }
}
