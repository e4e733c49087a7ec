package org.integrationledger.app.deadletter;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.integrationledger.app.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProcessorStallsTest {

    private final TestClock clock = new TestClock();
    private final ProcessorStalls stalls = new ProcessorStalls(clock, Duration.ofMinutes(3));

    @Test
    void aStallLastsUntilItsSegmentPassesTheFailedPosition() {
        stalls.failed("purchase-order-view", 1, 42L, new IllegalStateException("database away"));

        assertThat(stalls.current(name -> Map.of())).as("segment released while it backs off").hasSize(1);
        assertThat(stalls.current(name -> Map.of(1, at(41)))).as("reclaimed, still before the failed event")
                .hasSize(1);
        assertThat(stalls.current(name -> Map.of(0, at(100)))).as("another segment moving says nothing")
                .hasSize(1);
        assertThat(stalls.current(name -> Map.of(1, at(42)))).isEmpty();
        assertThat(stalls.current(name -> Map.of())).as("resolved for good").isEmpty();
    }

    @Test
    void aStallOfAnUnknownSegmentLastsUntilEverySegmentPassesTheFailedPosition() {
        // The segment is looked up in the database: during an outage it cannot be told.
        stalls.failed("purchase-order-view", null, 42L, new IllegalStateException("database away"));

        assertThat(stalls.current(name -> Map.of())).as("no segment claimed yet").hasSize(1);
        assertThat(stalls.current(name -> Map.of(0, at(100), 1, at(41)))).as("one segment still before it")
                .hasSize(1);
        assertThat(stalls.current(name -> Map.of(0, at(100), 1, at(42)))).isEmpty();
    }

    @Test
    void repeatedFailuresKeepTheFirstTimeAndCount() {
        stalls.failed("trace-view", 0, 7L, new IllegalStateException("first"));
        clock.advance(Duration.ofSeconds(30));
        stalls.failed("trace-view", 0, 7L, new IllegalStateException("second"));

        ProcessorStalls.Stall stall = stalls.current(name -> null).get(0);
        assertThat(stall.failures()).isEqualTo(2);
        assertThat(Duration.between(stall.since(), stall.lastFailure())).isBetween(Duration.ofSeconds(30),
                Duration.ofSeconds(31));
        assertThat(stall.cause()).endsWith("second");
    }

    @Test
    void aStallNoFailureRenewedIsForgottenAfterTheLongestBackOffTwiceOver() {
        stalls.failed("invoice-rematch", 0, 3L, new IllegalStateException("conflict"));
        clock.advance(Duration.ofMinutes(2));
        assertThat(stalls.current(name -> Map.of())).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(stalls.current(name -> Map.of())).isEmpty();
    }

    private static EventTrackerStatus at(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.isErrorState()).thenReturn(false);
        return status;
    }
}
