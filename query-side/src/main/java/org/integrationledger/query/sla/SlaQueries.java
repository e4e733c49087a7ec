package org.integrationledger.query.sla;

import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.query.paging.CappedTotal;
import org.integrationledger.query.paging.PagingSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the SLA clocks: open breaches and at-risk items, closed history, rules, notifications and counts. */
@Component
public class SlaQueries {

    /** The clock states as SQL literals: statements name states only through {@link SlaClockState}. */
    private static final String ATTENTION_STATES = SlaClockState.sql(SlaClockState.ATTENTION);
    private static final String STOPPED_STATES = SlaClockState.sql(SlaClockState.STOPPED);

    private final JdbcTemplate jdbc;
    private final SlaRules rules;
    private final SlaOpenCounts openCounts;
    private final Clock clock;
    private final int totalCountLimit;

    /**
     * @param paging the most matches a page counts exactly ({@code ledger.query.total-count-limit}, the same for
     *               every paged list): beyond it a page answers that number and {@code totalExact = false}, so a
     *               count never reads more rows than that
     */
    SlaQueries(JdbcTemplate jdbc, SlaRules rules, SlaOpenCounts openCounts, Clock clock, PagingSettings paging) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.openCounts = openCounts;
        this.clock = clock;
        this.totalCountLimit = paging.totalCountLimit();
    }

    /** Filters of the open-items list; null means any. */
    public record OpenFilter(String state, String rule, String region, String system, String legalEntity,
                             Duration olderThan) {
    }

    /** Breached and at-risk clocks, oldest business start first. */
    public SlaClockPage open(OpenFilter filter, PageRequest page) {
        Instant now = clock.instant();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE state IN (" + ATTENTION_STATES + ")");
        if (filter.state() != null) {
            where.append(" AND state = ?");
            args.add(SlaClockState.parse(filter.state(), SlaClockState.ATTENTION, "state").name());
        }
        equal(where, args, "rule_name", filter.rule());
        equal(where, args, "region", filter.region());
        equal(where, args, "system_id", filter.system());
        equal(where, args, "legal_entity", filter.legalEntity());
        if (filter.olderThan() != null) {
            where.append(" AND started_at <= ?");
            args.add(Timestamp.from(now.minus(filter.olderThan())));
        }
        CappedTotal total = cappedCount(where.toString(), args);
        List<SlaClock> items = items(where.toString(), args, "started_at, rule_name, document_id, clock_key", page,
                now);
        return new SlaClockPage(items, page.page(), page.size(), total.total(), total.exact());
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
        SlaClockState stopped = outcome == null ? null
                : SlaClockState.parse(outcome, SlaClockState.STOPPED, "outcome");
        Map<SlaClockState, Long> counts = stoppedCounts(rule, from, to);
        long met = counts.getOrDefault(SlaClockState.MET, 0L);
        long metLate = counts.getOrDefault(SlaClockState.MET_LATE, 0L);
        List<Object> args = new ArrayList<>(List.of(rule, Timestamp.from(from), Timestamp.from(to)));
        StringBuilder where = new StringBuilder(
                " WHERE rule_name = ? AND stopped_at >= ? AND stopped_at < ? AND state IN (" + STOPPED_STATES + ")");
        if (stopped != null) {
            where.append(" AND state = ?");
            args.add(stopped.name());
        }
        List<SlaClock> items = items(where.toString(), args, "stopped_at DESC, document_id, clock_key", page,
                clock.instant());
        // The counts are exact, and they are the total: no second count, and no cap.
        long total = stopped == null ? met + metLate : stopped == SlaClockState.MET ? met : metLate;
        return new SlaHistory(rule, from, to, met, metLate, items, page.page(), page.size(), total, true);
    }

    /**
     * Met / met-late clocks of a rule stopped in [from, to): the whole UTC days inside the period from the daily
     * counts the projection keeps (sla_stopped_daily), the partial days at either end from the clocks themselves.
     * One statement, so both parts read the same snapshot.
     */
    private Map<SlaClockState, Long> stoppedCounts(String rule, Instant from, Instant to) {
        Instant firstWholeDay = from.truncatedTo(ChronoUnit.DAYS);
        if (firstWholeDay.isBefore(from)) {
            firstWholeDay = firstWholeDay.plus(1, ChronoUnit.DAYS);
        }
        Instant endOfWholeDays = to.truncatedTo(ChronoUnit.DAYS);
        if (!firstWholeDay.isBefore(endOfWholeDays)) {
            // No whole day inside: the clocks alone, over the whole period (the second edge is empty).
            firstWholeDay = to;
            endOfWholeDays = to;
        }
        Map<SlaClockState, Long> counts = new EnumMap<>(SlaClockState.class);
        jdbc.query("""
                SELECT state, sum(n) AS n FROM (
                    SELECT state, n FROM sla_stopped_daily WHERE rule_name = ? AND day >= ? AND day < ?
                    UNION ALL
                    SELECT state, count(*) FROM sla_clock
                    WHERE rule_name = ? AND state IN (%1$s) AND stopped_at >= ? AND stopped_at < ?
                    GROUP BY state
                    UNION ALL
                    -- Two edges apart, not one OR: each is an index-only scan of sla_clock_closed_idx.
                    SELECT state, count(*) FROM sla_clock
                    WHERE rule_name = ? AND state IN (%1$s) AND stopped_at >= ? AND stopped_at < ?
                    GROUP BY state) parts
                GROUP BY state""".formatted(STOPPED_STATES), rs -> {
                    counts.put(SlaClockState.valueOf(rs.getString("state")), rs.getLong("n"));
                }, rule, utcDay(firstWholeDay), utcDay(endOfWholeDays), rule, Timestamp.from(from),
                Timestamp.from(firstWholeDay), rule, Timestamp.from(endOfWholeDays), Timestamp.from(to));
        return counts;
    }

    /**
     * Met and met-late clocks per rule and UTC day, for the days {@code from} to {@code to} (both inclusive), from
     * the daily counts the projection keeps: what {@link #history} counts for each whole day, in one read. Days and
     * rules without a stopped clock are absent.
     */
    public List<SlaDailyOutcome> dailyOutcomes(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        return jdbc.query("""
                SELECT rule_name, day, sum(n) FILTER (WHERE state = %s) AS met,
                       sum(n) FILTER (WHERE state = %s) AS met_late
                FROM sla_stopped_daily WHERE day >= ? AND day <= ? AND n > 0
                GROUP BY rule_name, day ORDER BY day, rule_name""".formatted(SlaClockState.MET.sql(),
                        SlaClockState.MET_LATE.sql()),
                (rs, n) -> new SlaDailyOutcome(rs.getString("rule_name"), rs.getObject("day", LocalDate.class),
                        rs.getLong("met"), rs.getLong("met_late")), from, to);
    }

    private static LocalDate utcDay(Instant midnight) {
        return LocalDate.ofInstant(midnight, ZoneOffset.UTC);
    }

    /** Every recorded rule with its open clocks by state (from the kept counts, {@link SlaOpenCounts}). */
    public List<SlaRuleStatus> rules() {
        Map<String, Map<SlaClockState, Long>> open = new HashMap<>();
        for (SlaOpenCount count : openCounts.all()) {
            open.computeIfAbsent(count.rule(), r -> new EnumMap<>(SlaClockState.class))
                    .merge(count.state(), count.count(), Long::sum);
        }
        return rules.all().stream().map(rule -> {
            Map<SlaClockState, Long> byState = open.getOrDefault(rule.definition().name(), Map.of());
            return new SlaRuleStatus(rule.definition(), rule.active(), rule.revision(), rule.inForceSince(),
                    byState.getOrDefault(SlaClockState.RUNNING, 0L), byState.getOrDefault(SlaClockState.AT_RISK, 0L),
                    byState.getOrDefault(SlaClockState.BREACHED, 0L));
        }).toList();
    }

    public Optional<SlaRuleStatus> rule(String name) {
        return rules().stream().filter(rule -> rule.definition().name().equals(name)).findFirst();
    }

    /** Open breaches and at-risk clocks counted by rule and region (unknown region: UNKNOWN), from the kept counts. */
    public List<SlaOpenCount> openCounts() {
        return openCounts.all().stream().filter(count -> SlaClockState.ATTENTION.contains(count.state())).toList();
    }

    /** Notifications by delivery status; a status no notification is in counts 0. */
    public Map<NotificationStatus, Long> notificationCounts() {
        Map<NotificationStatus, Long> counts = new EnumMap<>(NotificationStatus.class);
        for (NotificationStatus status : NotificationStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.query("SELECT status, count(*) AS n FROM sla_breach_notification GROUP BY status", (ResultSet rs) -> {
            counts.put(NotificationStatus.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    public List<SlaNotification> notifications(String status, String rule, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (status != null) {
            where.append(" AND status = ?");
            args.add(NotificationStatus.parse(status).name());
        }
        equal(where, args, "rule_name", rule);
        args.add(page.size());
        args.add((long) page.page() * page.size());
        return jdbc.query("SELECT * FROM sla_breach_notification" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                (rs, n) -> new SlaNotification(rs.getLong("id"), rs.getString("rule_name"),
                        rs.getString("document_id"), rs.getString("clock_key"), rs.getString("severity"),
                        rs.getString("region"), instant(rs, "breached_at"),
                        NotificationStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                        instant(rs, "sent_at")), args.toArray());
    }

    /** Counts at most one match past the limit: enough to tell an exact total from "more than the limit". */
    private CappedTotal cappedCount(String where, List<Object> args) {
        List<Object> countArgs = new ArrayList<>(args);
        countArgs.add(totalCountLimit + 1);
        Long matches = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM sla_clock" + where
                + " LIMIT ?) capped", Long.class, countArgs.toArray());
        return CappedTotal.of(matches == null ? 0 : matches, totalCountLimit);
    }

    private List<SlaClock> items(String where, List<Object> args, String order, PageRequest page, Instant now) {
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add((long) page.page() * page.size());
        return jdbc.query("SELECT * FROM sla_clock" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                clockRow(now), pageArgs.toArray());
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
                    rs.getString("clock_key"), SlaClockState.valueOf(rs.getString("state")), rs.getString("severity"),
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
