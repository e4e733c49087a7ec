package org.integrationledger.app.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event processors' state on {@code /actuator/health} (component {@code eventProcessors}): DOWN when a
 * processor is stopped or a segment is in error, with each processor's segments, replay and catch-up status.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean up = true;
        Map<String, Object> processors = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            up &= processor.isRunning() && !processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                details.put("replaying", streaming.isReplaying());
                details.put("claimedSegments", status.size());
                details.put("caughtUp", status.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
                long errored = status.values().stream().filter(EventTrackerStatus::isErrorState).count();
                details.put("segmentsInError", errored);
                up &= errored == 0;
            }
            processors.put(entry.getKey(), details);
        }
        (up ? health.up() : health.down()).withDetail("processors", processors);
    }
}
