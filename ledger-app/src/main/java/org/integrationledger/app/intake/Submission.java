package org.integrationledger.app.intake;

/**
 * One connector message as a channel received it: the command (the endpoint's path below {@code /api/v1/} without
 * the document id, e.g. {@code purchase-orders/issue}), the document id of the path, the JSON body an HTTP
 * request would carry, and the optional correlation id of the {@code X-Correlation-Id} header.
 */
public record Submission(String command, String documentId, byte[] body, String correlationId) {
}
