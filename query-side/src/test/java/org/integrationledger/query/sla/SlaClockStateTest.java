package org.integrationledger.query.sla;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filters of the SLA API name clock states; only the states the list can show are accepted. */
class SlaClockStateTest {

    @Test
    void acceptsAStateTheListShows() {
        assertThat(SlaClockState.parse("BREACHED", SlaClockState.ATTENTION, "state")).isEqualTo(SlaClockState.BREACHED);
        assertThat(SlaClockState.parse("MET_LATE", SlaClockState.STOPPED, "outcome"))
                .isEqualTo(SlaClockState.MET_LATE);
    }

    @Test
    void refusesAStateTheListCannotShowNamingTheOnesItCan() {
        assertThatThrownBy(() -> SlaClockState.parse("MET", SlaClockState.ATTENTION, "state"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("state must be one of [AT_RISK, BREACHED]");
        assertThatThrownBy(() -> SlaClockState.parse("breached", SlaClockState.ATTENTION, "state"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationStatus.parse("DONE"))
                .hasMessage("status must be one of [PENDING, SENT, FAILED]");
    }

    @Test
    void statementsNameTheStatesAsTheirStoredLiterals() {
        assertThat(SlaClockState.sql(SlaClockState.OPEN)).isEqualTo("'RUNNING', 'AT_RISK'");
        assertThat(SlaClockState.sql(SlaClockState.NOT_STOPPED)).isEqualTo("'RUNNING', 'AT_RISK', 'BREACHED'");
        assertThat(SlaClockState.sql(SlaClockState.STOPPED)).isEqualTo("'MET', 'MET_LATE'");
        assertThat(SlaClockState.MET_LATE.sql()).isEqualTo("'MET_LATE'");
    }
}
