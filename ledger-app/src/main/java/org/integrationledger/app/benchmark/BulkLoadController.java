package org.integrationledger.app.benchmark;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/**
 * The bulk loader and the catch-up check benchmarks wait on. Exists only with
 * {@code ledger.benchmark.bulk-load.enabled=true}; like every API call it needs an API key (docs/benchmarks.md).
 */
@RestController
@RequestMapping("/api/v1/benchmark")
@ConditionalOnProperty(name = BulkLoader.ENABLED, havingValue = "true")
@Tag(name = "Benchmark: bulk load")
class BulkLoadController {

    private final BulkLoader loader;
    private final EventProcessingConfiguration processing;

    BulkLoadController(BulkLoader loader, EventProcessingConfiguration processing) {
        this.loader = loader;
        this.processing = processing;
    }

    @PostMapping("/bulk-load")
    @Operation(summary = "Append generated suppliers and purchase orders through the event store (benchmarks only)",
            description = "Answers when every event is committed, with the events appended and the rate. The "
                    + "projections catch up afterwards; follow them with GET /api/v1/benchmark/projections. With "
                    + "rebuildProjections the rebuildable projections are rebuilt in one pass before the answer. A "
                    + "runId already loaded is refused with 409 bulk-load-run-exists.")
    BulkLoadResult bulkLoad(@Valid @RequestBody BulkLoadRequest request) {
        return loader.load(request);
    }

    @GetMapping("/projections")
    @Operation(summary = "Each streaming processor's position against the head of the event store")
    ProjectionPositions projections() {
        long head = loader.headIndex();
        List<ProjectionPositions.Processor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> position(processor, head))
                .sorted(Comparator.comparing(ProjectionPositions.Processor::name))
                .toList();
        return new ProjectionPositions(head, processors.stream().allMatch(ProjectionPositions.Processor::caughtUp),
                processors);
    }

    private static ProjectionPositions.Processor position(StreamingEventProcessor processor, long head) {
        var status = processor.processingStatus().values();
        // Right after a start no segment is claimed yet: that is not caught up.
        long lowest = status.isEmpty() ? -1 : status.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.isPresent() ? position.getAsLong() : -1)
                .min().orElse(-1);
        boolean replaying = processor.isReplaying();
        return new ProjectionPositions.Processor(processor.getName(), lowest, status.size(), replaying,
                !replaying && !status.isEmpty() && lowest >= head);
    }
}
