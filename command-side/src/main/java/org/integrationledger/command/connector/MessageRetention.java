package org.integrationledger.command.connector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Retention rule of {@code connector_message}: a message id is remembered at least as long as a connector may
 * retry it, and never shorter than the duplicate-suspicion window (a retry inside it must not become a second
 * invoice); older rows are deleted in small batches, each its own transaction, so the purge never holds many
 * locks or a long transaction. Several nodes may purge at once: each batch skips rows another one holds.
 */
@Component
public class MessageRetention {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRetention.class);

    private static final String DELETE_BATCH = """
            DELETE FROM connector_message m
            USING (SELECT connector_id, message_id FROM connector_message WHERE received_at < ?
                   ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED) old
            WHERE m.connector_id = old.connector_id AND m.message_id = old.message_id""";

    private final JdbcTemplate jdbc;
    private final MessageRetentionProperties properties;

    public MessageRetention(JdbcTemplate jdbc, MessageRetentionProperties properties,
                            @Value("${ledger.invoice.duplicate-suspicion-window:P7D}") Duration duplicateWindow) {
        requireAtLeastDuplicateWindow(properties.messageRetention(), duplicateWindow);
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Fails at start-up, rather than letting a retry inside the duplicate window count as a new message. */
    static void requireAtLeastDuplicateWindow(Duration retention, Duration duplicateWindow) {
        if (retention.compareTo(duplicateWindow) < 0) {
            throw new IllegalStateException("ledger.connectors.message-retention (" + retention
                    + ") must not be shorter than ledger.invoice.duplicate-suspicion-window (" + duplicateWindow
                    + "): a connector's retry inside that window must be answered from its first outcome");
        }
    }

    @Scheduled(initialDelayString = "${ledger.connectors.purge-interval:PT1H}",
            fixedDelayString = "${ledger.connectors.purge-interval:PT1H}")
    void scheduled() {
        try {
            // received_at is the database's time, so the cutoff is too.
            Instant now = jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant();
            Purge purge = purgeOlderThan(now.minus(properties.messageRetention()), properties.purgeBatchSize());
            if (purge.deleted() > 0) {
                LOG.info("Purged {} connector messages older than {} in {} batches", purge.deleted(),
                        properties.messageRetention(), purge.batches());
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging expired connector messages failed; the next run tries again", e);
        }
    }

    /** Deletes every row recorded before {@code cutoff}, at most {@code batchSize} per transaction. */
    public Purge purgeOlderThan(Instant cutoff, int batchSize) {
        long deleted = 0;
        int batches = 0;
        int last;
        do {
            last = jdbc.update(DELETE_BATCH, Timestamp.from(cutoff), batchSize);
            deleted += last;
            batches += last > 0 ? 1 : 0;
        } while (last == batchSize);
        return new Purge(deleted, batches);
    }

    /** What one purge removed, and in how many non-empty batches. */
    public record Purge(long deleted, int batches) {
    }
}
