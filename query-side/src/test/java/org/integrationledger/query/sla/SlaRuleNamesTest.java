package org.integrationledger.query.sla;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured SLA rules name only events and fields the clocks can read, or the application does not start. */
class SlaRuleNamesTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withUserConfiguration(SlaConfiguration.class)
            .withPropertyValues("ledger.sla.rules.po-approved-to-posted.start-event=RequisitionApproved",
                    "ledger.sla.rules.po-approved-to-posted.start-alternatives=PurchaseOrderIssued",
                    "ledger.sla.rules.po-approved-to-posted.stop-events=PurchaseOrderPostedInErp,"
                            + "StalePostingAcknowledgmentRecorded",
                    "ledger.sla.rules.po-approved-to-posted.limit=PT30M",
                    "ledger.sla.rules.po-approved-to-posted.system-field=routedTo");

    @Test
    void startsWithRulesItCanClock() {
        application.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesToStartOnAnUnknownStopEvent() {
        application.withPropertyValues("ledger.sla.rules.po-approved-to-posted.stop-events=PurchaseOrderPosted")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("SLA rule po-approved-to-posted: unknown event 'PurchaseOrderPosted'"));
    }

    @Test
    void refusesToStartOnAFieldItCannotRead() {
        application.withPropertyValues("ledger.sla.rules.po-approved-to-posted.system-field=erp")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("system-field 'erp' is not a field of any event"));
    }

    @Test
    void ignoresADisabledRule() {
        application.withPropertyValues("ledger.sla.rules.po-approved-to-posted.enabled=false",
                        "ledger.sla.rules.po-approved-to-posted.stop-events=PurchaseOrderPosted")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
