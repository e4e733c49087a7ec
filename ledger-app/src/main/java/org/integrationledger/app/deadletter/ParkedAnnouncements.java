package org.integrationledger.app.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.integrationledger.model.shared.DocumentKey;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes a "document parked" announcement to the outbox {@code dead_letter_notification}, in the transaction that
 * parks the document's first event, so an announcement exists exactly when the letter does;
 * {@link ParkedDocumentWebhook} sends it. Events parked behind an already parked one are not announced again.
 */
public final class ParkedAnnouncements {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ParkedAnnouncements(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void parked(String processor, Object document, TrackedEventMessage<?> event, Throwable cause) {
        Instant now = clock.instant();
        String why = ParkingCause.text(cause);
        jdbc.update("""
                        INSERT INTO dead_letter_notification (processor, document_id, document_type, event_type, event_id,
                            global_position, cause, parked_at, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                processor, DocumentKey.businessIdOf(String.valueOf(document)),
                event instanceof DomainEventMessage<?> domain ? domain.getType() : null,
                event.getPayloadType().getSimpleName(), event.getIdentifier(),
                event.trackingToken().position().isPresent() ? event.trackingToken().position().getAsLong() : null,
                why.length() > 1023 ? why.substring(0, 1023) : why, Timestamp.from(now), Timestamp.from(now));
    }
}
