package org.integrationledger.query.sla;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

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
    /** The states of a clock its rule's changes still move: started, not yet due. */
    static final Set<SlaClockState> OPEN = EnumSet.of(RUNNING, AT_RISK);
    /** The states of a clock a stop event still closes. */
    static final Set<SlaClockState> NOT_STOPPED = EnumSet.of(RUNNING, AT_RISK, BREACHED);

    /** The state as an SQL literal, so a statement names a state only through this enum. */
    String sql() {
        return "'" + name() + "'";
    }

    /** The states as a list of SQL literals, in declaration order, for an {@code IN (...)}. */
    static String sql(Set<SlaClockState> states) {
        return states.stream().sorted().map(SlaClockState::sql).collect(Collectors.joining(", "));
    }

    /** The state a filter names, one of {@code allowed}; a bad name is the caller's error. */
    static SlaClockState parse(String name, Set<SlaClockState> allowed, String parameter) {
        return Arrays.stream(values()).filter(allowed::contains).filter(state -> state.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(parameter + " must be one of " + allowed));
    }
}
