package org.integrationledger.query.sla;

import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The SLA rules as recorded in the event store ({@code sla_rule_view}), maintained by the clock projection. */
@Component
public class SlaRules {

    private static final String COLUMNS = """
            rule_name, start_event, stop_events, limit_millis, warning_threshold, severity, scope_legal_entities,
            scope_regions, scope_systems, clock_per_system, system_field, version_field, pair_field,
            start_alternatives, active, revision, in_force_since""";

    private static final RowMapper<RecordedRule> ROW = (rs, n) -> new RecordedRule(new SlaRuleDefinition(
            rs.getString("rule_name"), rs.getString("start_event"), list(rs.getString("stop_events")),
            Duration.ofMillis(rs.getLong("limit_millis")), rs.getDouble("warning_threshold"), rs.getString("severity"),
            new SlaScope(list(rs.getString("scope_legal_entities")), list(rs.getString("scope_regions")),
                    list(rs.getString("scope_systems"))),
            rs.getString("clock_per_system"), rs.getString("system_field"), rs.getString("version_field"),
            rs.getString("pair_field"), list(rs.getString("start_alternatives"))),
            rs.getBoolean("active"), rs.getInt("revision"), rs.getTimestamp("in_force_since").toInstant());

    private static final String ACTIVE_RULES_RESOURCE = SlaRules.class.getName() + ".active";

    private final JdbcTemplate jdbc;

    SlaRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A rule with its place on the record: how many definitions it had and since when the current one applies. */
    public record RecordedRule(SlaRuleDefinition definition, boolean active, int revision, Instant inForceSince) {
    }

    public List<RecordedRule> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM sla_rule_view ORDER BY rule_name", ROW);
    }

    public Optional<RecordedRule> find(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sla_rule_view WHERE rule_name = ?", ROW, name)
                .stream().findFirst();
    }

    /**
     * The active rules, read once per batch of the processor: every document event needs them, and a query
     * per event was a visible share of the projection's work. The batch's unit of work holds them, so a batch
     * never sees rules older than its own transaction, and any rule event in the batch drops them.
     */
    List<SlaRuleDefinition> active() {
        return BatchResources.get(ACTIVE_RULES_RESOURCE, this::readActive);
    }

    private List<SlaRuleDefinition> readActive() {
        return jdbc.query("SELECT " + COLUMNS + " FROM sla_rule_view WHERE active ORDER BY rule_name", ROW)
                .stream().map(RecordedRule::definition).toList();
    }

    private static void forgetActive() {
        BatchResources.forget(ACTIVE_RULES_RESOURCE);
    }

    void define(SlaRuleDefinition rule, Instant since) {
        forgetActive();
        jdbc.update("""
                INSERT INTO sla_rule_view (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, 1, ?)
                ON CONFLICT (rule_name) DO UPDATE SET start_event = EXCLUDED.start_event,
                    stop_events = EXCLUDED.stop_events, limit_millis = EXCLUDED.limit_millis,
                    warning_threshold = EXCLUDED.warning_threshold, severity = EXCLUDED.severity,
                    scope_legal_entities = EXCLUDED.scope_legal_entities, scope_regions = EXCLUDED.scope_regions,
                    scope_systems = EXCLUDED.scope_systems, clock_per_system = EXCLUDED.clock_per_system,
                    system_field = EXCLUDED.system_field, version_field = EXCLUDED.version_field,
                    pair_field = EXCLUDED.pair_field, start_alternatives = EXCLUDED.start_alternatives, active = TRUE,
                    revision = sla_rule_view.revision + 1, in_force_since = EXCLUDED.in_force_since
                """.formatted(COLUMNS),
                rule.name(), rule.startEvent(), String.join(",", rule.stopEvents()), rule.limit().toMillis(),
                rule.warningThreshold(), rule.severity(), String.join(",", rule.scope().legalEntities()),
                String.join(",", rule.scope().regions()), String.join(",", rule.scope().systems()),
                rule.clockPerSystem(), rule.systemField(), rule.versionField(), rule.pairField(),
                String.join(",", rule.startAlternatives()), Timestamp.from(since));
    }

    void retire(String name, Instant since) {
        forgetActive();
        jdbc.update("UPDATE sla_rule_view SET active = FALSE, revision = revision + 1, in_force_since = ? "
                + "WHERE rule_name = ?", Timestamp.from(since), name);
    }

    void deleteAll() {
        forgetActive();
        jdbc.update("DELETE FROM sla_rule_view");
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
