package org.integrationledger.query.sla;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.shared.DocumentKey;
import org.integrationledger.model.sla.SlaRuleChanged;
import org.integrationledger.model.sla.SlaRuleDefined;
import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaRuleEvent;
import org.integrationledger.model.sla.SlaRuleRetired;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.integrationledger.query.sla.SlaClockState.MET;
import static org.integrationledger.query.sla.SlaClockState.MET_LATE;
import static org.integrationledger.query.sla.SlaClockState.RUNNING;

/**
 * Starts and stops SLA clocks from document events, driven only by the recorded rules: a rule names its start and
 * stop events by simple class name and its fields by the names {@link SlaEvents} registers for them. The document is
 * the event's aggregate. Clocks run on business time ({@code occurredAt}); the recorded time is kept beside it.
 * This handler never notifies anyone: breaches are the evaluator's, so a replay of this projection sends nothing.
 * Runs in one segment: rule events and document events must be applied in the order they were recorded.
 */
@Component
@AppliedOnce
@ProcessingGroup(SlaClockProjection.PROCESSING_GROUP)
class SlaClockProjection {

    static final String PROCESSING_GROUP = "sla-clocks";
    static final String LEGAL_ENTITY_FIELD = SlaEvents.LEGAL_ENTITY;
    static final String REGION_FIELD = SlaEvents.REGION;
    private static final String NO_SYSTEM = SlaClockRules.NO_SYSTEM;
    /** Closes a clock at a stop event's business time; parameters: stopped at, stop event, stopped at, recorded at. */
    private static final String STOP = """
            state = CASE WHEN ? <= c.due_at THEN %s ELSE %s END,
            stop_event = ?, stopped_at = ?, stop_recorded_at = ?""".formatted(MET.sql(), MET_LATE.sql());
    /** The clock states as SQL literals: statements name states only through {@link SlaClockState}. */
    private static final String OPEN_STATES = SlaClockState.sql(SlaClockState.OPEN);
    private static final String NOT_STOPPED_STATES = SlaClockState.sql(SlaClockState.NOT_STOPPED);
    private static final String STOPPED_STATES = SlaClockState.sql(SlaClockState.STOPPED);
    /** {@link #updateClocks}'s statement; parameters: the clocks' condition, then what it sets. */
    private static final String UPDATE_CLOCKS = """
                WITH target AS (
                    SELECT rule_name, document_id, clock_key, state, stopped_at FROM sla_clock WHERE %%s
                    ORDER BY rule_name, document_id, clock_key FOR UPDATE),
                changed AS (
                    UPDATE sla_clock c SET %%s
                    FROM target t
                    WHERE c.rule_name = t.rule_name AND c.document_id = t.document_id AND c.clock_key = t.clock_key
                    RETURNING c.rule_name, c.state, c.stopped_at, t.rule_name AS old_rule_name,
                        t.state AS old_state, t.stopped_at AS old_stopped_at),
                delta AS (
                    SELECT rule_name, state, stopped_at, 1 AS n FROM changed WHERE state IN (%s)
                    UNION ALL
                    SELECT old_rule_name, old_state, old_stopped_at, -1 FROM changed
                    WHERE old_state IN (%s)),
                counted AS (
                    INSERT INTO sla_stopped_daily AS d (rule_name, day, state, n)
                    SELECT rule_name, (stopped_at AT TIME ZONE 'UTC')::date AS day, state, sum(n) FROM delta
                    GROUP BY rule_name, day, state HAVING sum(n) <> 0
                    ORDER BY rule_name, day, state
                    ON CONFLICT (rule_name, day, state) DO UPDATE SET n = d.n + EXCLUDED.n)
                SELECT count(*) FROM changed""".formatted(STOPPED_STATES, STOPPED_STATES);
    private static final String LIVE_PAUSE_CLEARED = SlaClockProjection.class.getName() + ".liveCleared";

    private final JdbcTemplate jdbc;
    private final SlaRules rules;
    private final SlaSettings settings;
    private final SlaDocumentFields documentFields;
    private final RuleEvents ruleEvents = new RuleEvents();

    SlaClockProjection(JdbcTemplate jdbc, SlaRules rules, SlaSettings settings, SlaDocumentFields documentFields) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.settings = settings;
        this.documentFields = documentFields;
    }

    /*
     * One handler per family, and none for Object: Axon prefers a handler of Object to one of an interface the event
     * implements, so a catch-all would take every event. Every event type the ledger records (each @Revision record
     * of canonical-model) is of one of these four families, so each event reaches trackReplay.
     */

    /** A rule defined, changed or retired: the recorded rules and their open clocks follow it. */
    @EventHandler
    void on(SlaRuleEvent event, EventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        RepresentableValues.requireRepresentable(message);
        trackReplay(token, replay);
        event.accept(ruleEvents, null);
    }

    @EventHandler
    void on(PurchaseOrderEvent event, EventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        RepresentableValues.requireRepresentable(message);
        trackReplay(token, replay);
        onDocumentEvent(event, event.occurredAt(), message);
    }

    @EventHandler
    void on(InvoiceEvent event, EventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        RepresentableValues.requireRepresentable(message);
        trackReplay(token, replay);
        onDocumentEvent(event, event.occurredAt(), message);
    }

    @EventHandler
    void on(SupplierEvent event, EventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        RepresentableValues.requireRepresentable(message);
        trackReplay(token, replay);
        onDocumentEvent(event, event.occurredAt(), message);
    }

    /**
     * Starts and stops the clocks a document event concerns, by the rules' names for its type and fields. Every event
     * of the three document families is one rules can name ({@link SlaEvents}).
     */
    private void onDocumentEvent(Object payload, Instant occurredAt, EventMessage<?> message) {
        // Document events are recorded by their document's aggregate; the check reads the message's kind, not the event's.
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        List<SlaRuleDefinition> active = rules.active();
        if (active.isEmpty()) {
            return;
        }
        // Clocks name the business id, as the SLA API does; rules are per document type, so clocks do not collide.
        String document = DocumentKey.businessIdOf(domainEvent.getAggregateIdentifier());
        String type = payload.getClass().getSimpleName();
        Instant recordedAt = message.getTimestamp();
        Instant businessAt = occurredAt == null ? recordedAt : occurredAt;

        boolean changed = remember(document, payload, active);
        // Read once per event, and only when a scope changed or a clock starts.
        Map<String, String> remembered = changed || active.stream().anyMatch(rule -> rule.startsOn(type))
                ? documentFields.of(document) : Map.of();
        if (changed) {
            applyScope(document, remembered, active);
        }
        if (active.stream().anyMatch(rule -> rule.stopEvents().contains(type))) {
            rememberStop(document, type, payload, businessAt, recordedAt, active);
        }
        for (SlaRuleDefinition rule : active) {
            if (rule.startsOn(type)) {
                start(rule, document, domainEvent.getType(), type, payload, businessAt, recordedAt, remembered);
            }
            if (rule.stopEvents().contains(type)) {
                stop(rule, document, type, payload, businessAt, recordedAt);
            }
        }
    }

    /** What each rule event does to the recorded rules and their clocks; the compiler holds it to every one. */
    private final class RuleEvents implements SlaRuleEvent.Visitor<Void, Void> {

        @Override
        public Void on(SlaRuleDefined defined, Void nothing) {
            rules.define(defined.definition(), defined.occurredAt());
            return null;
        }

        @Override
        public Void on(SlaRuleChanged changed, Void nothing) {
            rules.define(changed.definition(), changed.occurredAt());
            SlaRuleDefinition rule = changed.definition();
            // The new limit applies to the clocks still open; breached ones were already notified and stay so.
            // Open clocks only, so sla_stopped_daily (met / met late) is not concerned.
            jdbc.update("""
                    UPDATE sla_clock SET due_at = started_at + ? * INTERVAL '1 millisecond',
                        warn_at = started_at + ? * INTERVAL '1 millisecond', severity = ?, state = %s,
                        at_risk_since = NULL
                    WHERE rule_name = ? AND state IN (%s)""".formatted(RUNNING.sql(), OPEN_STATES),
                    rule.limit().toMillis(), warnMillis(rule), rule.severity(), rule.name());
            return null;
        }

        @Override
        public Void on(SlaRuleRetired retired, Void nothing) {
            rules.retire(retired.ruleName(), retired.occurredAt());
            // Stopped clocks stay, with their counts in sla_stopped_daily: the history of a retired rule remains.
            jdbc.update("DELETE FROM sla_clock WHERE rule_name = ? AND state IN (" + NOT_STOPPED_STATES + ")",
                    retired.ruleName());
            return null;
        }
    }

    /** Remembers the document's legal entity and the systems the rules wait for; true when something changed. */
    private boolean remember(String document, Object payload, List<SlaRuleDefinition> active) {
        boolean changed = documentFields.remember(document, LEGAL_ENTITY_FIELD, SlaEvents.value(payload, LEGAL_ENTITY_FIELD));
        changed |= documentFields.remember(document, REGION_FIELD, SlaEvents.value(payload, REGION_FIELD));
        for (SlaRuleDefinition rule : active) {
            if (rule.systemField() != null) {
                changed |= documentFields.remember(document, rule.systemField(),
                        SlaEvents.value(payload, rule.systemField()));
            }
        }
        return changed;
    }

    /** Brings the document's clocks up to its remembered attributes and drops open ones now outside their scope. */
    private void applyScope(String document, Map<String, String> fields, List<SlaRuleDefinition> active) {
        String legalEntity = fields.get(LEGAL_ENTITY_FIELD);
        if (legalEntity != null) {
            jdbc.update("UPDATE sla_clock SET legal_entity = ? WHERE document_id = ? AND legal_entity IS DISTINCT FROM ?",
                    legalEntity, document, legalEntity);
        }
        for (SlaRuleDefinition rule : active) {
            String system = rule.systemField() == null || rule.clockPerSystem() != null
                    ? null : fields.get(rule.systemField());
            if (system != null) {
                jdbc.update("""
                        UPDATE sla_clock SET system_id = ?, region = ?
                        WHERE rule_name = ? AND document_id = ? AND system_id IS DISTINCT FROM ?""",
                        system, settings.regionOf(system), rule.name(), document, system);
            }
            if (hasScope(rule)) {
                List<String> outside = new ArrayList<>();
                jdbc.query("""
                        SELECT clock_key, legal_entity, region, system_id FROM sla_clock
                        WHERE rule_name = ? AND document_id = ? AND state IN (%s)""".formatted(OPEN_STATES), rs -> {
                    if (!rule.scope().admits(rs.getString("legal_entity"), rs.getString("region"),
                            rs.getString("system_id"))) {
                        outside.add(rs.getString("clock_key"));
                    }
                }, rule.name(), document);
                // Open states only: a deleted stopped clock would leave its count in sla_stopped_daily behind.
                outside.forEach(clockKey -> jdbc.update("""
                        DELETE FROM sla_clock WHERE rule_name = ? AND document_id = ? AND clock_key = ?
                          AND state IN (%s)""".formatted(NOT_STOPPED_STATES), rule.name(), document, clockKey));
            }
        }
    }

    /**
     * Opens the rule's clock on its start event or one of its alternatives ({@code startEvent} names which). A clock
     * that already exists is never restarted; a proof of the same start with an earlier business time (an approval
     * reported after the issue) moves its start back to that time.
     */
    private void start(SlaRuleDefinition rule, String document, String documentType, String startEvent,
                       Object payload, Instant businessAt, Instant recordedAt, Map<String, String> fields) {
        String legalEntity = fields.get(LEGAL_ENTITY_FIELD);
        for (SlaClockRules.ClockStart clock : SlaClockRules.starts(rule, payload, fields, settings::regionOf)) {
            String clockKey = clock.clockKey();
            String system = clock.system();
            String region = clock.region();
            Integer version = clock.version();
            // A start event for a clock that already exists (a re-sent approval, a replayed event) changes nothing.
            int started = jdbc.update("""
                    INSERT INTO sla_clock (rule_name, document_id, clock_key, document_type, state, severity,
                        legal_entity, system_id, region, document_version, start_event, started_at,
                        start_recorded_at, warn_at, due_at)
                    VALUES (?, ?, ?, ?, %s, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (rule_name, document_id, clock_key) DO NOTHING""".formatted(RUNNING.sql()),
                    rule.name(), document, clockKey, documentType, rule.severity(), legalEntity, system, region,
                    version, startEvent, Timestamp.from(businessAt), Timestamp.from(recordedAt),
                    // A clock started near the end of time would be due beyond it.
                    Timestamp.from(RepresentableValues.instant(businessAt.plusMillis(warnMillis(rule)), "warnAt",
                            document)),
                    Timestamp.from(RepresentableValues.instant(businessAt.plus(rule.limit()), "dueAt", document)));
            if (started == 0 && !rule.startAlternatives().isEmpty()) {
                startEarlier(rule, document, clockKey, startEvent, businessAt, recordedAt);
            }
            // A paired clock is stopped only by its own stop event, which cannot be told from an earlier pair's.
            if (started > 0 && rule.pairField() == null) {
                stopIfAlreadySeen(rule, document, clockKey, system, version);
            }
        }
    }

    /**
     * Moves an existing clock's start back to an earlier proof of the same fact, with its warning and due times; a
     * clock already stopped is met or met late again against the new due time (its daily counts move with it), an
     * open one keeps its state for the evaluator to advance.
     */
    private void startEarlier(SlaRuleDefinition rule, String document, String clockKey, String startEvent,
                              Instant businessAt, Instant recordedAt) {
        Timestamp dueAt = Timestamp.from(RepresentableValues.instant(businessAt.plus(rule.limit()), "dueAt", document));
        updateClocks("""
                started_at = ?, start_event = ?, start_recorded_at = ?, warn_at = ?, due_at = ?,
                state = CASE WHEN c.state IN (%s)
                    THEN CASE WHEN c.stopped_at <= ? THEN %s ELSE %s END ELSE c.state END"""
                        .formatted(STOPPED_STATES, MET.sql(), MET_LATE.sql()),
                List.of(Timestamp.from(businessAt), startEvent, Timestamp.from(recordedAt),
                        Timestamp.from(RepresentableValues.instant(businessAt.plusMillis(warnMillis(rule)), "warnAt",
                                document)), dueAt, dueAt),
                "rule_name = ? AND document_id = ? AND clock_key = ? AND started_at > ?",
                List.of(rule.name(), document, clockKey, Timestamp.from(businessAt)));
    }

    /** The latest stop event of each type (and reporting system) of a document, for a start that comes after it. */
    private void rememberStop(String document, String type, Object payload, Instant businessAt, Instant recordedAt,
                              List<SlaRuleDefinition> active) {
        String system = SlaEvents.value(payload, SlaEvents.REPORTING_SYSTEM);
        String version = active.stream()
                .filter(rule -> rule.stopEvents().contains(type) && rule.versionField() != null)
                .map(rule -> SlaEvents.value(payload, rule.versionField()))
                .filter(Objects::nonNull).findFirst().orElse(null);
        Integer documentVersion = version == null || !version.matches("-?\\d{1,9}") ? null : Integer.valueOf(version);
        jdbc.update("""
                INSERT INTO sla_stop_event (document_id, event_type, system_id, document_version, occurred_at,
                    recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (document_id, event_type, system_id) DO UPDATE SET
                    document_version = EXCLUDED.document_version, occurred_at = EXCLUDED.occurred_at,
                    recorded_at = EXCLUDED.recorded_at
                WHERE sla_stop_event.document_version IS NULL OR EXCLUDED.document_version IS NULL
                   OR EXCLUDED.document_version >= sla_stop_event.document_version""",
                document, type, system == null ? NO_SYSTEM : system, documentVersion, Timestamp.from(businessAt),
                Timestamp.from(recordedAt));
    }

    /** Out of order: the stop event was recorded before this start; the clock closes at the stop's business time. */
    private void stopIfAlreadySeen(SlaRuleDefinition rule, String document, String clockKey, String system,
                                   Integer version) {
        StringBuilder sql = new StringBuilder("""
                SELECT event_type, occurred_at, recorded_at FROM sla_stop_event
                WHERE document_id = ? AND event_type IN (""");
        List<Object> args = new ArrayList<>(List.of(document));
        sql.append(String.join(", ", rule.stopEvents().stream().map(stop -> "?").toList())).append(")");
        args.addAll(rule.stopEvents());
        if (system != null) {
            sql.append(" AND system_id = ?");
            args.add(system);
        }
        if (version != null) {
            sql.append(" AND document_version >= ?");
            args.add(version);
        }
        sql.append(" ORDER BY occurred_at LIMIT 1");
        jdbc.query(sql.toString(), rs -> {
            Timestamp stoppedAt = rs.getTimestamp("occurred_at");
            updateClocks(STOP,
                    List.of(stoppedAt, rs.getString("event_type"), stoppedAt, rs.getTimestamp("recorded_at")),
                    "rule_name = ? AND document_id = ? AND clock_key = ?", List.of(rule.name(), document, clockKey));
        }, args.toArray());
    }

    /**
     * Closes the matching open clocks at the stop event's business time: met when that time is within the limit,
     * met late otherwise, also when the evaluator already breached the clock or the event arrives late.
     */
    private void stop(SlaRuleDefinition rule, String document, String type, Object payload, Instant businessAt,
                      Instant recordedAt) {
        for (SlaClockRules.ClockStop clocks : SlaClockRules.stops(rule, payload)) {
            StringBuilder sql = new StringBuilder(
                    "rule_name = ? AND document_id = ? AND state IN (" + NOT_STOPPED_STATES + ")");
            List<Object> args = new ArrayList<>(List.of(rule.name(), document));
            if (clocks.onlySystem()) {
                sql.append(" AND system_id = ?");
                args.add(clocks.system());
            } else if (clocks.systemOrNone()) {
                sql.append(" AND (system_id IS NULL OR system_id = ?)");
                args.add(clocks.system());
            }
            if (clocks.version() != null) {
                sql.append(" AND (document_version IS NULL OR document_version <= ?)");
                args.add(clocks.version());
            }
            if (clocks.clockKey() != null) {
                sql.append(" AND clock_key = ?");
                args.add(clocks.clockKey());
            }
            updateClocks(STOP, List.of(Timestamp.from(businessAt), type, Timestamp.from(businessAt),
                    Timestamp.from(recordedAt)), sql.toString(), args);
        }
    }

    /**
     * Updates the clocks matching {@code where} and moves their met / met-late counts per rule and UTC day in the
     * same statement: one count down for each clock that leaves MET / MET_LATE (or its day), one up for each that
     * enters it. Being one statement, no failure or concurrent reader can see clocks and counts apart. The old
     * values come from the rows locked first (PostgreSQL 15 has no OLD in RETURNING); keys are locked and counts
     * upserted in key order, so two writers cannot deadlock. Returns the number of clocks updated.
     */
    private int updateClocks(String set, List<Object> setArgs, String where, List<Object> whereArgs) {
        List<Object> args = new ArrayList<>(whereArgs);
        args.addAll(setArgs);
        Integer updated = jdbc.queryForObject(UPDATE_CLOCKS.formatted(where, set), Integer.class, args.toArray());
        return updated == null ? 0 : updated;
    }

    private static long warnMillis(SlaRuleDefinition rule) {
        return Math.round(rule.limit().toMillis() * rule.warningThreshold());
    }

    private static boolean hasScope(SlaRuleDefinition rule) {
        return !rule.scope().legalEntities().isEmpty() || !rule.scope().regions().isEmpty()
                || !rule.scope().systems().isEmpty();
    }

    /** Ends the evaluator's pause once the replay has passed the head the reset recorded (or live events flow). */
    private void trackReplay(TrackingToken token, ReplayStatus replay) {
        if (replay.isReplay() && token != null && token.position().isPresent()) {
            jdbc.update("UPDATE sla_projection_status SET replay_until = NULL, replay_started_at = NULL "
                    + "WHERE replay_until <= ?", token.position().getAsLong());
        } else if (!replay.isReplay() && BatchResources.firstInBatch(LIVE_PAUSE_CLEARED)) {
            // Once per batch is enough to end a pause; per event it was one more statement on the only thread.
            jdbc.update("UPDATE sla_projection_status SET replay_until = NULL, replay_started_at = NULL "
                    + "WHERE replay_until IS NOT NULL");
        }
    }

    /**
     * A replay starts from no rules and no clocks; the breach outbox stays, so nothing is notified twice, and
     * the evaluator pauses until the replay has caught up, so no clock is breached in a state the events left.
     */
    @ResetHandler
    void reset() {
        jdbc.update("UPDATE sla_projection_status SET replay_started_at = now(), "
                + "replay_until = (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)");
        // One statement, so the daily counts never outlive (or miss) the clocks they count.
        jdbc.update("WITH counts AS (DELETE FROM sla_stopped_daily) DELETE FROM sla_clock");
        documentFields.deleteAll();
        jdbc.update("DELETE FROM sla_stop_event");
        rules.deleteAll();
    }
}
