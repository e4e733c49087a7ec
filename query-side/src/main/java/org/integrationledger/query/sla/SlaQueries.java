package org.integrationledger.query.sla;

import org.integrationledger.model.shared.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the SLA clocks: open breaches and at-risk items, closed history, rules, notifications and counts. */
@Component
public class SlaQueries {

    static final Set<String> ATTENTION_STATES = Set.of("AT_RISK", "BREACHED");
    static final Set<String> OUTCOMES = Set.of("MET", "MET_LATE");
    static final Set<String> NOTIFICATION_STATES = Set.of("PENDING", "SENT", "FAILED");

    private final JdbcTemplate jdbc;
    private final SlaRules rules;
    private final Clock clock;

    SlaQueries(JdbcTemplate jdbc, SlaRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    /** Filters of the open-items list; null means any. */
    public record OpenFilter(String state, String rule, String region, String system, String legalEntity,
                             Duration olderThan) {
    }

    /** Breached and at-risk clocks, oldest business start first. */
    public SlaClockPage open(OpenFilter filter, PageRequest page) {
        Instant now = clock.instant();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE state IN ('AT_RISK', 'BREACHED')");
        if (filter.state() != null) {
            if (!ATTENTION_STATES.contains(filter.state())) {
                throw new IllegalArgumentException("state must be one of " + ATTENTION_STATES);
            }
            where.append(" AND state = ?");
            args.add(filter.state());
        }
        equal(where, args, "rule_name", filter.rule());
        equal(where, args, "region", filter.region());
        equal(where, args, "system_id", filter.system());
        equal(where, args, "legal_entity", filter.legalEntity());
        if (filter.olderThan() != null) {
            where.append(" AND started_at <= ?");
            args.add(Timestamp.from(now.minus(filter.olderThan())));
        }
        return page(where.toString(), args, "started_at, rule_name, document_id, clock_key", page, now);
    }

    /** Every clock of one document. */
    public List<SlaClock> ofDocument(String documentId) {
        Instant now = clock.instant();
        return jdbc.query("SELECT * FROM sla_clock WHERE document_id = ? ORDER BY rule_name, clock_key",
                clockRow(now), documentId);
    }

    /** Clocks of a rule that stopped (by business time) in [from, to), with met / met-late counts. */
    public SlaHistory history(String rule, Instant from, Instant to, String outcome, PageRequest page) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("outcome must be one of " + OUTCOMES);
        }
        List<Object> args = new ArrayList<>(List.of(rule, Timestamp.from(from), Timestamp.from(to)));
        String period = " WHERE rule_name = ? AND stopped_at >= ? AND stopped_at < ? AND state IN ('MET', 'MET_LATE')";
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT state, count(*) AS n FROM sla_clock" + period + " GROUP BY state",
                rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                }, args.toArray());
        StringBuilder where = new StringBuilder(period);
        if (outcome != null) {
            where.append(" AND state = ?");
            args.add(outcome);
        }
        SlaClockPage items = page(where.toString(), args, "stopped_at DESC, document_id, clock_key", page,
                clock.instant());
        return new SlaHistory(rule, from, to, counts.getOrDefault("MET", 0L), counts.getOrDefault("MET_LATE", 0L),
                items.items(), items.page(), items.size(), items.total());
    }

    /** Every recorded rule with its open clocks by state. */
    public List<SlaRuleStatus> rules() {
        Map<String, Map<String, Long>> open = new HashMap<>();
        jdbc.query("""
                SELECT rule_name, state, count(*) AS n FROM sla_clock
                WHERE state IN ('RUNNING', 'AT_RISK', 'BREACHED') GROUP BY rule_name, state""", rs -> {
            open.computeIfAbsent(rs.getString("rule_name"), r -> new HashMap<>())
                    .put(rs.getString("state"), rs.getLong("n"));
        });
        return rules.all().stream().map(rule -> {
            Map<String, Long> byState = open.getOrDefault(rule.definition().name(), Map.of());
            return new SlaRuleStatus(rule.definition(), rule.active(), rule.revision(), rule.inForceSince(),
                    byState.getOrDefault("RUNNING", 0L), byState.getOrDefault("AT_RISK", 0L),
                    byState.getOrDefault("BREACHED", 0L));
        }).toList();
    }

    public Optional<SlaRuleStatus> rule(String name) {
        return rules().stream().filter(rule -> rule.definition().name().equals(name)).findFirst();
    }

    /** Open breaches and at-risk clocks counted by rule and region (unknown region: UNKNOWN). */
    public List<SlaOpenCount> openCounts() {
        return jdbc.query("""
                SELECT rule_name, coalesce(region, 'UNKNOWN') AS region, state, count(*) AS n FROM sla_clock
                WHERE state IN ('AT_RISK', 'BREACHED') GROUP BY rule_name, coalesce(region, 'UNKNOWN'), state""",
                (rs, n) -> new SlaOpenCount(rs.getString("rule_name"), rs.getString("region"), rs.getString("state"),
                        rs.getLong("n")));
    }

    /** Notifications by delivery status. */
    public Map<String, Long> notificationCounts() {
        return jdbc.query("SELECT status, count(*) AS n FROM sla_breach_notification GROUP BY status",
                        (rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<SlaNotification> notifications(String status, String rule, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (status != null) {
            if (!NOTIFICATION_STATES.contains(status)) {
                throw new IllegalArgumentException("status must be one of " + NOTIFICATION_STATES);
            }
            where.append(" AND status = ?");
            args.add(status);
        }
        equal(where, args, "rule_name", rule);
        args.add(page.size());
        args.add((long) page.page() * page.size());
        return jdbc.query("SELECT * FROM sla_breach_notification" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                (rs, n) -> new SlaNotification(rs.getLong("id"), rs.getString("rule_name"),
                        rs.getString("document_id"), rs.getString("clock_key"), rs.getString("severity"),
                        rs.getString("region"), instant(rs, "breached_at"), rs.getString("status"),
                        rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                        instant(rs, "sent_at")), args.toArray());
    }

    private SlaClockPage page(String where, List<Object> args, String order, PageRequest page, Instant now) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM sla_clock" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add((long) page.page() * page.size());
        List<SlaClock> items = jdbc.query("SELECT * FROM sla_clock" + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", clockRow(now), pageArgs.toArray());
        return new SlaClockPage(items, page.page(), page.size(), total == null ? 0 : total);
    }

    private static void equal(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static RowMapper<SlaClock> clockRow(Instant now) {
        return (rs, n) -> {
            Instant started = instant(rs, "started_at");
            Instant stopped = instant(rs, "stopped_at");
            Instant due = instant(rs, "due_at");
            // A stop reported before its start (out of order) may lie before it: such a clock took no time.
            Instant end = stopped == null ? now : stopped.isBefore(started) ? started : stopped;
            Duration overdue = end.isAfter(due) ? Duration.between(due, end) : Duration.ZERO;
            return new SlaClock(rs.getString("rule_name"), rs.getString("document_id"), rs.getString("document_type"),
                    rs.getString("clock_key"), rs.getString("state"), rs.getString("severity"),
                    rs.getString("legal_entity"), rs.getString("system_id"), rs.getString("region"),
                    (Integer) rs.getObject("document_version"), rs.getString("start_event"), started,
                    instant(rs, "start_recorded_at"), instant(rs, "warn_at"), due, instant(rs, "at_risk_since"),
                    instant(rs, "breached_since"), rs.getString("stop_event"), stopped,
                    instant(rs, "stop_recorded_at"), Duration.between(started, end), overdue);
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
