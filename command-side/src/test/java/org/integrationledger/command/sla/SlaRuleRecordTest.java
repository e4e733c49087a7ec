package org.integrationledger.command.sla;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.sla.DefineSlaRule;
import org.integrationledger.model.sla.RetireSlaRule;
import org.integrationledger.model.sla.SlaRuleChanged;
import org.integrationledger.model.sla.SlaRuleDefined;
import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaRuleRetired;
import org.integrationledger.model.sla.SlaScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configured SLA rule goes on the record once, each change of it is recorded, and a removed rule is retired. */
class SlaRuleRecordTest {

    private static final Instant STARTUP = Instant.parse("2026-11-25T22:00:00Z");
    private static final Instant NEXT_STARTUP = Instant.parse("2026-11-26T06:00:00Z");

    private AggregateTestFixture<SlaRule> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(SlaRule.class);
    }

    @Test
    void recordsANewRule() {
        fixture.givenNoPriorActivity()
                .when(new DefineSlaRule(rule(Duration.ofMinutes(30)), STARTUP))
                .expectEvents(new SlaRuleDefined("po-approved-to-posted", rule(Duration.ofMinutes(30)), STARTUP))
                .expectResultMessagePayload(true);
    }

    @Test
    void recordsNothingWhenTheConfiguredRuleIsUnchanged() {
        fixture.given(new SlaRuleDefined("po-approved-to-posted", rule(Duration.ofMinutes(30)), STARTUP))
                .when(new DefineSlaRule(rule(Duration.ofMinutes(30)), NEXT_STARTUP))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void recordsAChangedLimitWithThePreviousDefinition() {
        fixture.given(new SlaRuleDefined("po-approved-to-posted", rule(Duration.ofMinutes(30)), STARTUP))
                .when(new DefineSlaRule(rule(Duration.ofMinutes(20)), NEXT_STARTUP))
                .expectEvents(new SlaRuleChanged("po-approved-to-posted", rule(Duration.ofMinutes(20)),
                        rule(Duration.ofMinutes(30)), NEXT_STARTUP));
    }

    @Test
    void retiresARuleOnceAndBringsItBackWhenConfiguredAgain() {
        fixture.given(new SlaRuleDefined("po-approved-to-posted", rule(Duration.ofMinutes(30)), STARTUP),
                        new SlaRuleRetired("po-approved-to-posted", NEXT_STARTUP))
                .when(new RetireSlaRule("po-approved-to-posted", NEXT_STARTUP))
                .expectNoEvents();
        fixture.given(new SlaRuleDefined("po-approved-to-posted", rule(Duration.ofMinutes(30)), STARTUP),
                        new SlaRuleRetired("po-approved-to-posted", NEXT_STARTUP))
                .when(new DefineSlaRule(rule(Duration.ofMinutes(30)), NEXT_STARTUP))
                .expectEvents(new SlaRuleChanged("po-approved-to-posted", rule(Duration.ofMinutes(30)),
                        rule(Duration.ofMinutes(30)), NEXT_STARTUP));
    }

    @Test
    void configurationDefaultsAndRefusesMalformedRules() {
        SlaRuleProperties properties = new SlaRuleProperties(Map.of("po-approved-to-posted",
                new SlaRuleProperties.Rule(null, "RequisitionApproved", List.of("PurchaseOrderPostedInErp"),
                        Duration.ofMinutes(30), null, null, null, null, "routedTo", null, null,
                        List.of("PurchaseOrderIssued")),
                "switched-off", new SlaRuleProperties.Rule(false, "A", List.of("B"), Duration.ofHours(1), null,
                        null, null, null, null, null, null, null)));
        assertThat(properties.definitions()).containsExactly(new SlaRuleDefinition("po-approved-to-posted",
                "RequisitionApproved", List.of("PurchaseOrderPostedInErp"), Duration.ofMinutes(30), 0.8, "MEDIUM",
                SlaScope.ANY, null, "routedTo", null, null, List.of("PurchaseOrderIssued")));
        assertThatThrownBy(() -> new SlaRuleProperties(Map.of("no-stop", new SlaRuleProperties.Rule(null,
                "RequisitionApproved", List.of(), Duration.ofMinutes(30), null, null, null, null, null, null, null, null))))
                .hasMessageContaining("needs at least one stop event");
        assertThatThrownBy(() -> new SlaRuleProperties(Map.of("bad-threshold", new SlaRuleProperties.Rule(null,
                "A", List.of("B"), Duration.ofMinutes(30), 1.5, null, null, null, null, null, null, null))))
                .hasMessageContaining("warning threshold");
        assertThatThrownBy(() -> new SlaRuleProperties(Map.of("self-alternative", new SlaRuleProperties.Rule(null,
                "A", List.of("B"), Duration.ofMinutes(30), null, null, null, null, null, null, null, List.of("A")))))
                .hasMessageContaining("start alternatives must name other events");
    }

    private static SlaRuleDefinition rule(Duration limit) {
        return new SlaRuleDefinition("po-approved-to-posted", "RequisitionApproved",
                List.of("PurchaseOrderPostedInErp"), limit, 0.8, "HIGH", SlaScope.ANY, null, "routedTo", null, null);
    }
}
