package org.integrationledger.app.eventchain;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Verifies the checkpoints: their MACs, their sequence, and their sealed entries against the rows in range. */
final class CheckpointSeals {

    /** What the checkpoint walk found, how many it checked, and the newest one that verified with all before it. */
    record Outcome(List<Finding> findings, long checked, CheckpointSummary latestVerified, long sealedUpTo) {
    }

    private final JdbcTemplate jdbc;
    private final CheckpointKey key;

    CheckpointSeals(JdbcTemplate jdbc, CheckpointKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    Outcome verify(List<Checkpoint> checkpoints, VerificationScope scope) {
        List<Finding> findings = new ArrayList<>();
        byte[] previousMac = Checkpoints.NO_PREVIOUS_MAC;
        long expectedId = 1;
        long expectedFrom = 1;
        boolean unbroken = true;
        CheckpointSummary latestVerified = null;
        for (Checkpoint checkpoint : checkpoints) {
            int before = findings.size();
            if (checkpoint.id() != expectedId || checkpoint.fromIndex() != expectedFrom) {
                findings.add(checkpointFinding(expectedFrom, "checkpoint-missing", "expected checkpoint "
                        + expectedId + " from global index " + expectedFrom + ", found checkpoint " + checkpoint.id()
                        + " from " + checkpoint.fromIndex() + ": a checkpoint was deleted or renumbered"));
            }
            if (!checkpoint.keyId().equals(key.id())) {
                findings.add(checkpointFinding(checkpoint.fromIndex(), "checkpoint-other-key", "checkpoint "
                        + checkpoint.id() + " was sealed with key " + checkpoint.keyId() + ", not with the configured "
                        + "key " + key.id() + "; it cannot be verified here"));
            } else if (!Arrays.equals(checkpoint.previousMac(), previousMac)
                    || !Arrays.equals(key.mac(checkpoint.signed()), checkpoint.mac())) {
                findings.add(checkpointFinding(checkpoint.fromIndex(), "checkpoint-mac-invalid", "checkpoint "
                        + checkpoint.id() + " does not carry a valid MAC for its range, count, entries and "
                        + "predecessor: it was altered or forged"));
            } else if (!Arrays.equals(CheckpointKey.sha256(checkpoint.entries()), checkpoint.entriesDigest())) {
                findings.add(checkpointFinding(checkpoint.fromIndex(), "checkpoint-entries-altered",
                        "the entries of checkpoint " + checkpoint.id() + " do not match their signed digest"));
            } else if (scope.overlaps(checkpoint.fromIndex(), checkpoint.toIndex())) {
                compare(checkpoint, scope, findings);
            }
            if (unbroken && findings.size() == before) {
                latestVerified = checkpoint.summary();
            } else {
                unbroken = false;
            }
            previousMac = checkpoint.mac();
            expectedId = checkpoint.id() + 1;
            expectedFrom = checkpoint.toIndex() + 1;
        }
        return new Outcome(findings, checkpoints.size(), latestVerified, expectedFrom - 1);
    }

    /** Merges the sealed entries with the rows now in the range, both in global-index order. */
    private void compare(Checkpoint checkpoint, VerificationScope scope, List<Finding> findings) {
        List<CheckpointEntry> rows = jdbc.query("SELECT global_index, aggregate_identifier, sequence_number, "
                        + "event_hash FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index",
                (rs, n) -> new CheckpointEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)),
                checkpoint.fromIndex(), checkpoint.toIndex());
        Map<Long, String> keyAt = new HashMap<>();
        rows.forEach(row -> keyAt.put(row.globalIndex(), row.aggregateId()));
        // A checkpoint sealed before ids became per document type names a document by its bare business id: it is
        // in scope when the row now at its index is (the migration only qualified the id), or, with no row there,
        // when the business ids agree.
        List<CheckpointEntry> sealed = CheckpointEntry.decode(checkpoint.entries()).stream()
                .filter(entry -> entry.sealedBeforeTypedIds() && keyAt.containsKey(entry.globalIndex())
                        ? scope.covers(keyAt.get(entry.globalIndex()), entry.globalIndex())
                        : scope.covers(entry.aggregateId(), entry.globalIndex()))
                .toList();
        List<CheckpointEntry> now = rows.stream()
                .filter(entry -> scope.covers(entry.aggregateId(), entry.globalIndex())).toList();
        int i = 0;
        int j = 0;
        while (i < sealed.size() || j < now.size()) {
            CheckpointEntry was = i < sealed.size() ? sealed.get(i) : null;
            CheckpointEntry is = j < now.size() ? now.get(j) : null;
            if (is == null || (was != null && was.globalIndex() < is.globalIndex())) {
                findings.add(new Finding(was.aggregateId(), was.sequenceNumber(), was.globalIndex(), "event-deleted",
                        "checkpoint " + checkpoint.id() + " sealed this event; it is no longer in the table"));
                i++;
            } else if (was == null || is.globalIndex() < was.globalIndex()) {
                findings.add(new Finding(is.aggregateId(), is.sequenceNumber(), is.globalIndex(), "event-inserted",
                        "this row is inside the range of checkpoint " + checkpoint.id() + ", which did not seal it"));
                j++;
            } else {
                if (!was.sameEvent(is)) {
                    findings.add(new Finding(was.aggregateId(), was.sequenceNumber(), was.globalIndex(), "event-moved",
                            "checkpoint " + checkpoint.id() + " sealed event " + was.sequenceNumber() + " of "
                                    + was.aggregateId() + " at this global index; it now holds event "
                                    + is.sequenceNumber() + " of " + is.aggregateId() + " (rows reordered)"));
                } else if (!was.sameHash(is)) {
                    findings.add(new Finding(was.aggregateId(), was.sequenceNumber(), was.globalIndex(),
                            "event-hash-changed", "the event's chain hash differs from the one checkpoint "
                            + checkpoint.id() + " sealed: the event was rewritten together with its hash"));
                }
                i++;
                j++;
            }
        }
    }

    private static Finding checkpointFinding(long globalIndex, String problem, String detail) {
        return new Finding(null, null, globalIndex, problem, detail);
    }
}
