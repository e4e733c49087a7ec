package org.integrationledger.app.eventchain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The record of whole-store verifications ({@code chain_verification}): each one's outcome, when it ended, who asked
 * and through which surface. Shared by every node on the database and kept across restarts, so "when was the chain
 * last proven intact, and by whom" has one answer. A verification of one document or a range proves less and is
 * not recorded here.
 */
@Component
public class VerificationLog {

    /** Where a verification was asked for. */
    public enum Via { API, CONSOLE }

    /** One recorded whole-store verification. */
    public record Entry(Instant endedAt, String requestedBy, Via requestedVia, boolean intact, long eventsChecked,
                        long aggregatesChecked, long checkpointsChecked, Long latestVerifiedCheckpoint,
                        long sealedUpTo, int brokenLinks, String firstBrokenProblem, Long firstBrokenGlobalIndex,
                        String firstBrokenDetail) {

        /** INTACT or BROKEN, the word the console colours. */
        public String state() {
            return intact ? "INTACT" : "BROKEN";
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    VerificationLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the report when its scope was the whole store; answers the entry written, if any. */
    public Optional<Entry> record(VerificationScope scope, VerificationReport report, String by, Via via) {
        if (!scope.equals(VerificationScope.everything())) {
            return Optional.empty();
        }
        Finding first = report.firstBrokenLink();
        Entry entry = new Entry(clock.instant(), by, via, report.intact(), report.eventsChecked(),
                report.aggregatesChecked(), report.checkpointsChecked(),
                report.latestVerifiedCheckpoint() == null ? null : report.latestVerifiedCheckpoint().checkpointId(),
                report.sealedUpTo(), report.brokenLinks().size(), first == null ? null : first.problem(),
                first == null ? null : first.globalIndex(), first == null ? null : abbreviate(first.detail()));
        jdbc.update("""
                INSERT INTO chain_verification (ended_at, requested_by, requested_via, intact, events_checked,
                    aggregates_checked, checkpoints_checked, latest_verified_checkpoint, sealed_up_to, broken_links,
                    first_broken_problem, first_broken_global_index, first_broken_detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(entry.endedAt()), abbreviate200(by), via.name(), entry.intact(), entry.eventsChecked(),
                entry.aggregatesChecked(), entry.checkpointsChecked(), entry.latestVerifiedCheckpoint(),
                entry.sealedUpTo(), entry.brokenLinks(), entry.firstBrokenProblem(), entry.firstBrokenGlobalIndex(),
                entry.firstBrokenDetail());
        return Optional.of(entry);
    }

    /** The newest recorded whole-store verification. */
    public Optional<Entry> latest() {
        return jdbc.query("""
                SELECT ended_at, requested_by, requested_via, intact, events_checked, aggregates_checked,
                       checkpoints_checked, latest_verified_checkpoint, sealed_up_to, broken_links,
                       first_broken_problem, first_broken_global_index, first_broken_detail
                FROM chain_verification ORDER BY ended_at DESC, id DESC LIMIT 1""",
                (rs, row) -> new Entry(rs.getTimestamp("ended_at").toInstant(), rs.getString("requested_by"),
                        Via.valueOf(rs.getString("requested_via")), rs.getBoolean("intact"),
                        rs.getLong("events_checked"), rs.getLong("aggregates_checked"),
                        rs.getLong("checkpoints_checked"), rs.getObject("latest_verified_checkpoint", Long.class),
                        rs.getLong("sealed_up_to"), rs.getInt("broken_links"), rs.getString("first_broken_problem"),
                        rs.getObject("first_broken_global_index", Long.class), rs.getString("first_broken_detail")))
                .stream().findFirst();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static String abbreviate200(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
