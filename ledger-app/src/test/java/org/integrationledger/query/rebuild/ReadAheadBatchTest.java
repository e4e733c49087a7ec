package org.integrationledger.query.rebuild;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReadAheadBatchTest {

    @Test
    void endsABatchAtItsNumberOfEvents() {
        ReadAheadBatch batch = new ReadAheadBatch(3, 1_000_000);

        assertThat(batch.add(event(1), 100)).isEmpty();
        assertThat(batch.add(event(2), 100)).isEmpty();
        assertThat(batch.add(event(3), 100)).hasValueSatisfying(full -> assertThat(full).hasSize(3));
        assertThat(batch.rest()).isEmpty();
    }

    @Test
    void endsABatchOfLargeEventsAtItsBytes() {
        ReadAheadBatch batch = new ReadAheadBatch(1_000, 1_000_000);

        assertThat(batch.add(event(1), 340_000)).isEmpty();
        assertThat(batch.add(event(2), 340_000)).isEmpty();
        Optional<List<TrackedEventMessage<?>>> full = batch.add(event(3), 340_000);

        assertThat(full).hasValueSatisfying(events -> assertThat(events).extracting(e -> (Object) e.getPayload())
                .containsExactly("event 1", "event 2", "event 3"));
        assertThat(batch.add(event(4), 340_000)).as("the next batch starts empty").isEmpty();
        assertThat(batch.rest()).extracting(e -> (Object) e.getPayload()).containsExactly("event 4");
    }

    @Test
    void takesAnEventLargerThanABatchAlone() {
        ReadAheadBatch batch = new ReadAheadBatch(1_000, 1_000_000);

        assertThat(batch.add(event(1), 5_000_000)).hasValueSatisfying(full -> assertThat(full).hasSize(1));
    }

    private static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage("event " + index));
    }
}
