package org.integrationledger.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/** Reads a reconciliation entry of the API: one system's position, one divergence, all divergences as text. */
public final class ReconciliationEntries {

    private ReconciliationEntries() {
    }

    public static JsonNode system(JsonNode entry, String system) {
        for (JsonNode position : entry.path("systems")) {
            if (position.path("system").asText().equals(system)) {
                return position;
            }
        }
        return MissingNode.getInstance();
    }

    public static JsonNode flag(JsonNode entry, String flag) {
        for (JsonNode divergence : entry.path("divergences")) {
            if (divergence.path("flag").asText().equals(flag)) {
                return divergence;
            }
        }
        return MissingNode.getInstance();
    }

    /** Each open divergence as {@code FLAG@SYSTEM}, or {@code FLAG} when it concerns the whole document. */
    public static List<String> flags(JsonNode entry) {
        List<String> flags = new ArrayList<>();
        entry.path("divergences").forEach(d -> flags.add(d.path("flag").asText()
                + (d.path("system").isNull() || d.path("system").isMissingNode() ? "" : "@" + d.path("system").asText())));
        return flags;
    }
}
