package org.integrationledger.query.sla;

import java.time.Instant;

/** One breach notification of the outbox and how its delivery went. */
public record SlaNotification(long id, String rule, String documentId, String clockKey, String severity,
                              String region, Instant breachedAt, NotificationStatus status, int attempts,
                              Instant nextAttemptAt, String lastError, Instant sentAt) {
}
