package org.integrationledger.simulator.workload;

import java.time.Instant;

/**
 * One connector message as it goes over the wire: who sends it (API key), where, and the JSON body with its
 * {@code messageId}. {@code retried} makes the connector send it a second time, as after a lost response;
 * {@code expectedStatus} is what the ledger should answer (200, or 422 for a scripted business exception).
 * {@code occurredAt} is the business time in the body.
 */
public record Message(String documentKind, String documentId, String step, String apiKey, String path, String body,
                      boolean retried, int expectedStatus, Instant occurredAt) {

    private static final String API = "/api/v1/";

    /**
     * The command as the batch and Kafka channels name it: the endpoint's path below {@code /api/v1/} without the
     * document id, e.g. {@code purchase-orders/issue}.
     */
    public String command() {
        String below = path.substring(API.length());
        int id = below.indexOf("/" + documentId + "/");
        return id < 0 ? below : below.substring(0, id) + below.substring(id + documentId.length() + 1);
    }

    /** The correlation id a connector sends with every message of the document (X-Correlation-Id over HTTP). */
    public String correlationId() {
        return "p2p-" + documentId;
    }
}
