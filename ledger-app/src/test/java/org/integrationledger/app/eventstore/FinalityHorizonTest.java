package org.integrationledger.app.eventstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FinalityHorizonTest {

    private final FinalityHorizon horizon = new FinalityHorizon();

    @Test
    void knowsNothingIsFinalUntilTheTransactionsOpenAtAnObservationHaveEnded() {
        // Snapshot 1: index 10 visible, transaction ids below 100 may still have drawn indexes below it.
        assertThat(horizon.observe(95, 100, 10L)).isZero();
        // A transaction with id 97 is still running: nothing changes.
        assertThat(horizon.observe(97, 105, 12L)).isZero();
        // Every transaction below 100 has ended: everything up to 10 is final, not yet up to 12.
        assertThat(horizon.observe(100, 108, 12L)).isEqualTo(10);
        assertThat(horizon.observe(105, 108, 12L)).isEqualTo(12);
    }

    @Test
    void neverMovesBackwards() {
        horizon.observe(10, 10, 50L);
        assertThat(horizon.observe(10, 10, 50L)).isEqualTo(50);
        assertThat(horizon.observe(11, 12, 40L)).isEqualTo(50);
    }

    @Test
    void anEmptyEventTableHasNoFinalIndex() {
        assertThat(horizon.observe(5, 5, null)).isZero();
    }
}
