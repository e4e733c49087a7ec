package org.integrationledger.app.eventchain;

import org.integrationledger.app.eventstore.EventChainHash;
import org.integrationledger.model.shared.DocumentKey;
import org.integrationledger.model.shared.DocumentKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks every aggregate chain in the scope (recomputing each event's hash from its stored columns and its
 * predecessor's hash) and every checkpoint (its MAC, its link to the previous one, and its sealed entries against
 * the rows now in its range), and reports each broken link, lowest global index first.
 *
 * <p>The chains catch edits of any column and gaps in a sequence; the checkpoints catch what a chain cannot see
 * or what a writer who recomputed the hashes could hide: a deleted last event, an inserted row, rows moved to
 * other global indexes, and a changed hash.
 */
@Component
public class EventChainVerifier {

    private static final int MAX_REPORTED = 100;
    private static final String CHAIN_COLUMNS = "SELECT global_index, aggregate_identifier, sequence_number, type, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, event_hash "
            + "FROM domain_event_entry ";

    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final CheckpointSeals seals;

    EventChainVerifier(JdbcTemplate jdbc, Checkpoints checkpoints) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(1_000); // inside a transaction PostgreSQL streams with a cursor
        this.checkpoints = checkpoints;
        this.seals = new CheckpointSeals(this.jdbc, checkpoints.key());
    }

    @Transactional(readOnly = true)
    public VerificationReport verify(VerificationScope scope) {
        List<Finding> findings = new ArrayList<>();
        ChainWalk walk = new ChainWalk(findings);
        if (scope.aggregateId() != null) {
            jdbc.query(CHAIN_COLUMNS + "WHERE aggregate_identifier = ? ORDER BY sequence_number", walk::row,
                    scope.aggregateId());
        } else if (scope.fromIndex() != null) {
            jdbc.query(CHAIN_COLUMNS + "WHERE aggregate_identifier IN (SELECT aggregate_identifier FROM "
                            + "domain_event_entry WHERE global_index BETWEEN ? AND ?) "
                            + "ORDER BY aggregate_identifier, sequence_number", walk::row,
                    scope.fromIndex(), scope.toIndex());
        } else {
            jdbc.query(CHAIN_COLUMNS + "ORDER BY aggregate_identifier, sequence_number", walk::row);
        }
        CheckpointSeals.Outcome sealed = seals.verify(checkpoints.all(), scope);
        List<Finding> all = merge(findings, sealed.findings());
        return new VerificationReport(all.isEmpty(), all.isEmpty() ? null : all.get(0),
                all.subList(0, Math.min(all.size(), MAX_REPORTED)), scope.describe(), walk.events, walk.aggregates,
                sealed.checked(), sealed.latestVerified(), sealed.sealedUpTo());
    }

    /** A row missing from a chain is named with its global index when a checkpoint sealed it. */
    private static List<Finding> merge(List<Finding> chain, List<Finding> sealed) {
        Set<String> deletedAndSealed = new HashSet<>();
        sealed.stream().filter(f -> f.problem().equals("event-deleted"))
                .forEach(f -> deletedAndSealed.add(DocumentKey.businessIdOf(f.aggregateId()) + "#"
                        + f.sequenceNumber()));
        List<Finding> all = new ArrayList<>();
        chain.stream().filter(f -> !(f.problem().equals("sequence-missing") && deletedAndSealed.contains(
                DocumentKey.businessIdOf(f.aggregateId()) + "#" + f.sequenceNumber()))).forEach(all::add);
        all.addAll(sealed);
        all.sort(Comparator.comparing(Finding::globalIndex, Comparator.nullsLast(Comparator.naturalOrder())));
        return all;
    }

    /** Walks rows ordered by aggregate and sequence, keeping the previous stored hash of the current aggregate. */
    private static final class ChainWalk {

        private final List<Finding> findings;
        private String aggregate;
        private long expectedSequence;
        private byte[] previous;
        private long events;
        private long aggregates;

        ChainWalk(List<Finding> findings) {
            this.findings = findings;
        }

        void row(ResultSet rs) throws SQLException {
            long globalIndex = rs.getLong(1);
            String aggregateId = rs.getString(2);
            long sequence = rs.getLong(3);
            byte[] stored = rs.getBytes(11);
            events++;
            if (!aggregateId.equals(aggregate)) {
                aggregate = aggregateId;
                aggregates++;
                expectedSequence = 0;
                previous = EventChainHash.genesis();
            }
            boolean linkKnown = previous != null; // null after an event without a hash
            if (sequence > expectedSequence) {
                for (long missing = expectedSequence; missing < sequence && missing < expectedSequence + 10; missing++) {
                    findings.add(new Finding(aggregateId, missing, null, "sequence-missing", "event " + missing
                            + " of the aggregate is not in the table; the next stored one is " + sequence
                            + " at global index " + globalIndex));
                }
                linkKnown = false; // the predecessor's hash is gone, so this event's link cannot be checked
            }
            Optional<DocumentKind> keyKind = DocumentKey.parse(aggregateId).map(DocumentKey::kind);
            Optional<DocumentKind> typeKind = DocumentKind.ofAggregateType(rs.getString(4));
            if (!keyKind.equals(typeKind)) {
                // The hash covers the business id and the type, so a key moved to another document type's prefix
                // (or stripped of it) is caught here.
                findings.add(new Finding(aggregateId, sequence, globalIndex, "identifier-type-mismatch",
                        "the stored identifier is not the key of a document of the event's aggregate type "
                                + rs.getString(4)));
            }
            if (stored == null) {
                findings.add(new Finding(aggregateId, sequence, globalIndex, "hash-missing",
                        "the event has no chain hash"));
            } else if (linkKnown) {
                byte[] expected = EventChainHash.of(previous, aggregateId, sequence, rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
                if (!Arrays.equals(expected, stored)) {
                    findings.add(new Finding(aggregateId, sequence, globalIndex, "hash-mismatch", "the stored hash "
                            + "does not match the event's stored columns and its predecessor's hash: this event "
                            + "(payload, metadata or another column) or its link to the predecessor was altered"));
                }
            }
            previous = stored;
            expectedSequence = sequence + 1;
        }
    }
}
