package org.integrationledger.app.benchmark;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;

/** Without {@code ledger.benchmark.bulk-load.enabled=true} (the default) the loader does not exist at all. */
class BulkLoadDisabledIntegrationTest extends LedgerIntegrationTest {

    @Test
    void theEndpointDoesNotExistByDefault() {
        long before = events.totalEvents();

        Response load = api.post("/api/v1/benchmark/bulk-load", ADMIN_KEY,
                Map.of("documents", 5, "runId", "OFF1"));
        Response positions = api.get("/api/v1/benchmark/projections", REPORTING_KEY);

        assertThat(load.status()).isEqualTo(404);
        assertThat(positions.status()).isEqualTo(404);
        assertThat(events.totalEvents()).isEqualTo(before);
    }
}
