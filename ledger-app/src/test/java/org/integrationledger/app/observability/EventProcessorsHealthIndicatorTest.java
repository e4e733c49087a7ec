package org.integrationledger.app.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.springboot.EventProcessorProperties;
import org.integrationledger.app.deadletter.ParkedCounts;
import org.integrationledger.app.deadletter.ProcessorStalls;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A segment nobody has claimed for longer than the bound makes the processors DOWN: read from {@code token_entry}
 * (a processor of this test's own name, so the ledger's processors do not see its row).
 */
class EventProcessorsHealthIndicatorTest extends LedgerIntegrationTest {

    private static final String NAME = "health-test-processor";

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void removeTheRow() {
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", NAME);
    }

    @Test
    void aSegmentUnclaimedLongerThanTheBoundIsDown() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of());
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of(NAME, processor));
        when(processing.eventProcessor(NAME, org.axonframework.eventhandling.StreamingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        Clock clock = Clock.systemUTC();
        EventProcessorsHealthIndicator indicator = new EventProcessorsHealthIndicator(processing,
                new ParkedCounts(jdbc, clock, Duration.ZERO, new EventProcessorProperties()),
                new ProcessorStalls(clock, Duration.ofMinutes(3)), jdbc, clock, Duration.ofMinutes(1));

        jdbc.update("INSERT INTO token_entry (processor_name, segment, timestamp, owner) VALUES (?, 0, ?, NULL)",
                NAME, clock.instant().minusSeconds(30).toString());
        assertThat(indicator.health(true).getStatus()).as("unclaimed for 30 s, within the bound").isEqualTo(Status.UP);

        jdbc.update("UPDATE token_entry SET timestamp = ? WHERE processor_name = ?",
                clock.instant().minusSeconds(90).toString(), NAME);
        Health health = indicator.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().toString()).contains("segmentsUnclaimedTooLong=[0]");

        jdbc.update("UPDATE token_entry SET owner = 'another-node' WHERE processor_name = ?", NAME);
        assertThat(indicator.health(true).getStatus()).as("claimed again").isEqualTo(Status.UP);
    }
}
