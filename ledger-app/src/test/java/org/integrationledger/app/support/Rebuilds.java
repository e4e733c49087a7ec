package org.integrationledger.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilds of projections through the public API, as an operator starts and follows them. */
public final class Rebuilds {

    private Rebuilds() {
    }

    /** Starts a rebuild of every projection and answers each one's final progress, by name. */
    public static Map<String, JsonNode> rebuildAll(LedgerApi api, String apiKey, List<String> names) {
        LedgerApi.Response started = api.post("/api/v1/audit/projections/rebuild", apiKey, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        Map<String, JsonNode> done = new LinkedHashMap<>();
        for (String name : names) {
            done.put(name, await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get("/api/v1/audit/projections/" + name + "/rebuild", apiKey).body(),
                            progress -> !progress.path("state").asText().matches("RUNNING|SWITCHING")));
        }
        return done;
    }

    /** The live projection's checksum. */
    public static String checksum(LedgerApi api, String apiKey, String projection) {
        return api.get("/api/v1/audit/projections/" + projection + "/checksum", apiKey).body()
                .path("checksum").asText();
    }
}
