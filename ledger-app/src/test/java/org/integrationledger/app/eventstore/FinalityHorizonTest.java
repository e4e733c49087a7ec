package org.integrationledger.app.eventstore;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FinalityHorizonTest {

    private final FinalityHorizon horizon = new FinalityHorizon();

    @Test
    void knowsNothingIsFinalUntilTheTransactionsOpenAtAnObservationHaveEnded() {
        // Index 10 visible; the id taken after that snapshot is 100, so whatever drew indexes below 10 is < 100.
        assertThat(horizon.observe(95, 10L, () -> 100)).isZero();
        // A transaction with id 97 is still running: nothing changes.
        assertThat(horizon.observe(97, 12L, () -> 105)).isZero();
        // Every transaction below 100 has ended: everything up to 10 is final, not yet up to 12.
        assertThat(horizon.observe(100, 12L, () -> 110)).isEqualTo(10);
        assertThat(horizon.observe(105, 12L, () -> 111)).isEqualTo(12);
    }

    @Test
    void neverDeclaresFinalInTheSnapshotThatObservedTheIndex() {
        // xmin equal to the snapshot's xmax (726:726:) while a transaction holding id 726 is still open: the
        // id taken after the snapshot (727) keeps index 2 pending.
        assertThat(horizon.observe(726, 2L, () -> 727)).isZero();
        assertThat(horizon.observe(726, 2L, () -> 728)).isZero();
        assertThat(horizon.observe(728, 2L, () -> 729)).isEqualTo(2);
    }

    @Test
    void takesATransactionIdOnlyWhenTheHighestIndexMoved() {
        AtomicInteger idsTaken = new AtomicInteger();
        horizon.observe(10, 5L, () -> 10 + idsTaken.incrementAndGet());
        horizon.observe(10, 5L, () -> 10 + idsTaken.incrementAndGet());
        horizon.observe(20, 5L, () -> 20 + idsTaken.incrementAndGet());
        horizon.observe(20, 5L, () -> 20 + idsTaken.incrementAndGet());

        assertThat(idsTaken).hasValue(1);
    }

    @Test
    void neverMovesBackwards() {
        horizon.observe(10, 50L, () -> 10);
        assertThat(horizon.observe(10, 50L, () -> 11)).isEqualTo(50);
        assertThat(horizon.observe(11, 40L, () -> 12)).isEqualTo(50);
    }

    @Test
    void anEmptyEventTableHasNoFinalIndex() {
        assertThat(horizon.observe(5, null, () -> {
            throw new AssertionError("an empty table needs no transaction id");
        })).isZero();
    }
}
