package org.integrationledger.query.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alerts on absence: moves open clocks to AT_RISK and BREACHED as the clock passes their warning and due time,
 * with no further event needed. Each transition is a conditional UPDATE, so of several nodes (or a node
 * restarted mid-way) exactly one wins each clock; a breach writes its notification to the outbox in the same
 * statement, unique per clock, so a clock breached again after a projection replay is never notified twice.
 * While the clock projection replays, the evaluator moves nothing: replayed clocks pass through states their
 * events have long left.
 * <p>
 * Clocks whose rows another transaction holds (the clock projection's batch, another node's evaluation) are
 * skipped, not waited for ({@code FOR UPDATE SKIP LOCKED}), and taken at the next evaluation if still due. Waiting
 * deadlocked with the projection under load: the evaluator locks clocks in due-time order, the projection's batch
 * in event order, and PostgreSQL broke the cycle only after its one-second deadlock timeout, stalling the clocks'
 * processor each time.
 */
@Component
public class SlaEvaluator {

    private static final Logger log = LoggerFactory.getLogger(SlaEvaluator.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public SlaEvaluator(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What one evaluation changed: clocks now at risk, clocks now breached, and breaches newly notified. */
    public record Evaluation(List<ClockRef> atRisk, List<ClockRef> breached, List<ClockRef> notified) {
    }

    /** One clock: rule, document and clock key. */
    public record ClockRef(String rule, String documentId, String clockKey) {
    }

    @Scheduled(initialDelayString = "${ledger.sla.evaluation.interval:PT5S}",
            fixedDelayString = "${ledger.sla.evaluation.interval:PT5S}")
    void evaluateOnSchedule() {
        Evaluation evaluation = evaluate();
        if (!evaluation.breached().isEmpty()) {
            log.info("SLA breaches: {} clock(s) passed their limit, {} notification(s) queued",
                    evaluation.breached().size(), evaluation.notified().size());
        }
    }

    public Evaluation evaluate() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        return transaction.execute(status -> {
            List<ClockRef> atRisk = jdbc.query("""
                    UPDATE sla_clock c SET state = %s, at_risk_since = ?
                    FROM (SELECT rule_name, document_id, clock_key FROM sla_clock
                          WHERE state = %s AND warn_at <= ? AND due_at > ?
                            AND NOT EXISTS (SELECT 1 FROM sla_projection_status WHERE replay_until IS NOT NULL)
                          FOR UPDATE SKIP LOCKED) due
                    WHERE c.rule_name = due.rule_name AND c.document_id = due.document_id
                      AND c.clock_key = due.clock_key
                    RETURNING c.rule_name, c.document_id, c.clock_key"""
                    .formatted(SlaClockState.AT_RISK.sql(), SlaClockState.RUNNING.sql()), SlaEvaluator::ref, at, at, at);
            List<Map.Entry<ClockRef, Boolean>> breached = jdbc.query("""
                    WITH breached AS (
                        UPDATE sla_clock c SET state = %s,
                            breached_since = coalesce((SELECT n.breached_at FROM sla_breach_notification n
                                WHERE n.rule_name = c.rule_name AND n.document_id = c.document_id
                                  AND n.clock_key = c.clock_key), ?)
                        FROM (SELECT rule_name, document_id, clock_key FROM sla_clock
                              WHERE state IN (%s) AND due_at <= ?
                                AND NOT EXISTS (SELECT 1 FROM sla_projection_status WHERE replay_until IS NOT NULL)
                              FOR UPDATE SKIP LOCKED) due
                        WHERE c.rule_name = due.rule_name AND c.document_id = due.document_id
                          AND c.clock_key = due.clock_key
                        RETURNING c.*),
                    notified AS (
                        INSERT INTO sla_breach_notification (rule_name, document_id, clock_key, severity,
                            legal_entity, system_id, region, started_at, due_at, breached_at, status, attempts,
                            next_attempt_at)
                        SELECT rule_name, document_id, clock_key, severity, legal_entity, system_id, region,
                            started_at, due_at, breached_since, '%s', 0, ?
                        FROM breached
                        ON CONFLICT (rule_name, document_id, clock_key) DO NOTHING
                        RETURNING rule_name, document_id, clock_key)
                    SELECT b.rule_name, b.document_id, b.clock_key, n.rule_name IS NOT NULL AS notified
                    FROM breached b LEFT JOIN notified n USING (rule_name, document_id, clock_key)"""
                    .formatted(SlaClockState.BREACHED.sql(), SlaClockState.sql(SlaClockState.OPEN),
                            NotificationStatus.PENDING.name()),
                    (rs, row) -> Map.entry(ref(rs, row), rs.getBoolean("notified")), at, at, at);
            List<ClockRef> notified = breached.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
            return new Evaluation(atRisk, breached.stream().map(Map.Entry::getKey).toList(), notified);
        });
    }

    private static ClockRef ref(ResultSet rs, int row) throws SQLException {
        return new ClockRef(rs.getString("rule_name"), rs.getString("document_id"), rs.getString("clock_key"));
    }
}
