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
}
