package org.integrationledger.command.sla;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.integrationledger.model.sla.DefineSlaRule;
import org.integrationledger.model.sla.RetireSlaRule;
import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaRuleIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At start-up, compares the configured rules with the ones on the record and records the difference through
 * the rule aggregates (defined, changed, retired). Several nodes starting at once race on the aggregate's
 * sequence number; the loser retries and then finds nothing left to record.
 */
@Component
class SlaRuleRegistration {

    private static final Logger log = LoggerFactory.getLogger(SlaRuleRegistration.class);

    private final SlaRuleProperties properties;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SlaRuleRegistration(SlaRuleProperties properties, CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordConfiguredRules() {
        List<SlaRuleDefinition> configured = properties.definitions();
        for (SlaRuleDefinition definition : configured) {
            if (send(new DefineSlaRule(definition, clock.instant()))) {
                log.info("SLA rule {} recorded: {} -> {} within {}", definition.name(), definition.startEvent(),
                        definition.stopEvents(), definition.limit());
            }
        }
        Set<String> configuredNames = configured.stream().map(SlaRuleDefinition::name).collect(Collectors.toSet());
        for (String recorded : recordedRuleNames()) {
            if (!configuredNames.contains(recorded) && send(new RetireSlaRule(recorded, clock.instant()))) {
                log.info("SLA rule {} retired: no longer configured", recorded);
            }
        }
    }

    private boolean send(Object command) {
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(command));
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // Another node recorded the same rule a moment ago; the retry sees its events.
            return Boolean.TRUE.equals(commands.sendAndWait(command));
        }
    }

    /** Read-only look at the event store: which rule aggregates exist. */
    private List<String> recordedRuleNames() {
        return jdbc.queryForList("""
                        SELECT DISTINCT aggregate_identifier FROM domain_event_entry
                        WHERE type = 'SlaRule' AND aggregate_identifier LIKE ?""", String.class,
                        SlaRuleIds.PREFIX + "%").stream()
                .map(id -> id.substring(SlaRuleIds.PREFIX.length()))
                .toList();
    }
}
