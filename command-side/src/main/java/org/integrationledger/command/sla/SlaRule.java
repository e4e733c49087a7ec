package org.integrationledger.command.sla;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.integrationledger.model.sla.DefineSlaRule;
import org.integrationledger.model.sla.RetireSlaRule;
import org.integrationledger.model.sla.SlaRuleChanged;
import org.integrationledger.model.sla.SlaRuleDefined;
import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaRuleIds;
import org.integrationledger.model.sla.SlaRuleRetired;

/**
 * One business SLA rule as it is on the record. The configuration is the source; this aggregate makes each
 * definition, change and retirement an event, and ignores a start-up that brings nothing new.
 */
@Aggregate
public class SlaRule {

    @AggregateIdentifier
    private String ruleId;
    private SlaRuleDefinition definition;
    private boolean retired;

    protected SlaRule() {
        // Axon rebuilds the rule from its events and creates it on the first DefineSlaRule.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(DefineSlaRule command) {
        if (definition == null) {
            AggregateLifecycle.apply(new SlaRuleDefined(command.definition().name(), command.definition(),
                    command.occurredAt()));
            return true;
        }
        if (retired || !definition.equals(command.definition())) {
            AggregateLifecycle.apply(new SlaRuleChanged(command.definition().name(), command.definition(),
                    definition, command.occurredAt()));
            return true;
        }
        return false;
    }

    @CommandHandler
    public boolean handle(RetireSlaRule command) {
        if (retired) {
            return false;
        }
        AggregateLifecycle.apply(new SlaRuleRetired(command.ruleName(), command.occurredAt()));
        return true;
    }

    @EventSourcingHandler
    void on(SlaRuleDefined event) {
        ruleId = SlaRuleIds.of(event.ruleName());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(SlaRuleChanged event) {
        definition = event.definition();
        retired = false;
    }

    @EventSourcingHandler
    void on(SlaRuleRetired event) {
        retired = true;
    }
}
