package org.integrationledger.app.eventchain;

import org.integrationledger.app.eventstore.GapSafeJdbcEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Seals the event chain in checkpoints, off the append path: each covers the next range of global indexes up
 * to the event store's finality horizon (never an index an open transaction could still fill), lists every
 * event in it with its chain hash, and is signed with the checkpoint key, chained to the previous one.
 * A transaction-scoped advisory lock lets one writer at a time extend the sequence, on any number of nodes.
 */
@Component
public class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final long ADVISORY_LOCK = 0x4c45444745524348L; // "LEDGERCH"
    static final byte[] NO_PREVIOUS_MAC = new byte[32];

    static final RowMapper<Checkpoint> ROW = (rs, n) -> new Checkpoint(rs.getLong("checkpoint_id"),
            rs.getLong("from_index"), rs.getLong("to_index"), rs.getInt("event_count"), rs.getBytes("entries"),
            rs.getBytes("entries_digest"), rs.getBytes("previous_mac"), rs.getBytes("mac"), rs.getString("key_id"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final GapSafeJdbcEventStorageEngine engine;
    private final EventChainProperties properties;
    private final CheckpointKey key;

    Checkpoints(JdbcTemplate jdbc, PlatformTransactionManager transactions, GapSafeJdbcEventStorageEngine engine,
                EventChainProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.engine = engine;
        this.properties = properties;
        this.key = new CheckpointKey(properties.checkpointSecret());
        if (properties.usesDevDefaultSecret()) {
            LOG.warn("Event chain checkpoints are signed with the public development secret; set "
                    + "LEDGER_AUDIT_CHECKPOINT_SECRET wherever the data matters");
        }
    }

    @Scheduled(initialDelayString = "${ledger.audit.checkpoint-interval:PT30S}",
            fixedDelayString = "${ledger.audit.checkpoint-interval:PT30S}")
    void scheduled() {
        try {
            sealUpToFinal();
        } catch (RuntimeException e) {
            LOG.warn("Sealing an event chain checkpoint failed; the next run tries again", e);
        }
    }

    /** Seals every final event not yet in a checkpoint (one checkpoint per {@code checkpointMaxEvents}). */
    public Optional<CheckpointSummary> sealUpToFinal() {
        long finalIndex = engine.finalGlobalIndex();
        while (Boolean.TRUE.equals(transaction.execute(status -> sealNext(finalIndex)))) {
            // each round seals one range in its own transaction
        }
        return latest().map(Checkpoint::summary);
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("SELECT * FROM event_chain_checkpoint ORDER BY checkpoint_id DESC LIMIT 1", ROW)
                .stream().findFirst();
    }

    /** The newest checkpoint as the API shows it, not verified. */
    public Optional<CheckpointSummary> latestSummary() {
        return latest().map(Checkpoint::summary);
    }

    List<Checkpoint> all() {
        return jdbc.query("SELECT * FROM event_chain_checkpoint ORDER BY checkpoint_id", ROW);
    }

    CheckpointKey key() {
        return key;
    }

    private boolean sealNext(long finalIndex) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                ADVISORY_LOCK))) {
            return false; // another node is sealing right now
        }
        Optional<Checkpoint> previous = latest();
        long from = previous.map(checkpoint -> checkpoint.toIndex() + 1).orElse(1L);
        long to = Math.min(finalIndex, from + properties.checkpointMaxEvents() - 1);
        if (to < from) {
            return false;
        }
        List<CheckpointEntry> entries = jdbc.query("SELECT global_index, aggregate_identifier, sequence_number, "
                        + "event_hash FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index",
                (rs, n) -> new CheckpointEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)),
                from, to);
        long id = previous.map(checkpoint -> checkpoint.id() + 1).orElse(1L);
        byte[] encoded = CheckpointEntry.encode(entries);
        byte[] digest = CheckpointKey.sha256(encoded);
        byte[] previousMac = previous.map(Checkpoint::mac).orElse(NO_PREVIOUS_MAC);
        byte[] mac = key.mac(Checkpoint.signed(id, from, to, entries.size(), digest, previousMac));
        jdbc.update("INSERT INTO event_chain_checkpoint (checkpoint_id, from_index, to_index, event_count, entries, "
                        + "entries_digest, previous_mac, mac, key_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                id, from, to, entries.size(), encoded, digest, previousMac, mac, key.id(),
                java.sql.Timestamp.from(Instant.now()));
        return true;
    }
}
