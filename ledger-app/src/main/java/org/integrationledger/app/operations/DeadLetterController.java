package org.integrationledger.app.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The parked documents of the projections' dead-letter queues: any key reads; retry and evict need an admin key. */
@RestController
@RequestMapping("/api/v1/operations/dead-letters")
@Tag(name = "Operations: dead letters")
class DeadLetterController {

    private final DeadLetterOperations operations;

    DeadLetterController(DeadLetterOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    @Operation(summary = "Documents a projection has parked, oldest first, by business key",
            description = "One entry per processor and document: the event that failed (type, document sequence, "
                    + "global position, cause) and how many of the document's events wait behind it.")
    ParkedDocumentList list(@RequestParam(required = false) String processor) {
        return operations.list(processor);
    }

    @PostMapping("/{processor}/{sequence}/retry")
    @Operation(summary = "Apply a parked document's events again, after a fix (admin role)",
            description = "Runs the processor's own handlers over the document's parked events in order, in one "
                    + "transaction with their removal from the queue. 409 dead-letter-retry-failed when they fail "
                    + "again (they stay parked), 404 dead-letter-not-found when nothing is parked, 403 "
                    + "admin-required without the admin role.")
    RetryOutcome retry(@PathVariable String processor, @PathVariable String sequence) {
        return operations.retry(processor, sequence);
    }

    @DeleteMapping("/{processor}/{sequence}")
    @Operation(summary = "Drop a parked document's events without applying them (admin role)",
            description = "The view will never show those events; a rebuild of the projection would. 404 "
                    + "dead-letter-not-found when nothing is parked, 403 admin-required without the "
                    + "admin role.")
    EvictionOutcome evict(@PathVariable String processor, @PathVariable String sequence) {
        return operations.evict(processor, sequence);
    }
}
