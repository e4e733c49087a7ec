package org.integrationledger.query.sla;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Where an SLA clock stands; stored by name in {@code sla_clock.state}. */
public enum SlaClockState {
    /** Started, within its warning threshold. */
    RUNNING,
    /** Past the warning threshold, not yet due. */
    AT_RISK,
    /** Past its due time and not stopped. */
    BREACHED,
    /** Stopped within the limit. */
    MET,
    /** Stopped after the limit. */
    MET_LATE;

    /** The states an open-items list shows. */
    static final Set<SlaClockState> ATTENTION = EnumSet.of(AT_RISK, BREACHED);
    /** The states a history shows. */
    static final Set<SlaClockState> STOPPED = EnumSet.of(MET, MET_LATE);

    /** The state a filter names, one of {@code allowed}; a bad name is the caller's error. */
    static SlaClockState parse(String name, Set<SlaClockState> allowed, String parameter) {
        return Arrays.stream(values()).filter(allowed::contains).filter(state -> state.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(parameter + " must be one of " + allowed));
    }
}
