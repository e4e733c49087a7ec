package org.integrationledger.app.eventchain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integrationledger.model.shared.DocumentKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/** Tamper evidence for auditors: verify the event chain and its checkpoints, and seal a checkpoint now. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit: tamper evidence")
class EventChainController {

    private final EventChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final VerificationLog verifications;

    EventChainController(EventChainVerifier verifier, Checkpoints checkpoints, VerificationLog verifications) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.verifications = verifications;
    }

    @PostMapping("/verification")
    @Operation(summary = "Walk the hash chains and the checkpoints and report the first broken link",
            description = "Recomputes every event's chain hash in the scope and checks every checkpoint (MAC with "
                    + "the configured secret, link to its predecessor, sealed entries against the rows now in its "
                    + "range). firstBrokenLink names the aggregate, sequence and global index and what is wrong; "
                    + "latestVerifiedCheckpoint is the newest checkpoint that verified with all before it. Scope: "
                    + "aggregateId, or fromIndex and toIndex (global index), or nothing for the whole store. "
                    + "aggregateId is the stored key (purchase-order:COLL-1), or the business id with documentType. "
                    + "Read-only but for its record: a verification of the whole store is recorded (when, by whom, "
                    + "its outcome) for the console's operations page; any valid API key.")
    VerificationReport verify(
            @Parameter(description = "verify only this aggregate's chain (and its sealed entries)")
            @RequestParam(required = false) String aggregateId,
            @Parameter(description = "purchase-order, invoice or supplier: aggregateId is that document's business id")
            @RequestParam(required = false) String documentType,
            @RequestParam(required = false) Long fromIndex,
            @RequestParam(required = false) Long toIndex,
            @Parameter(hidden = true) Principal principal) {
        String key = aggregateId;
        if (documentType != null && aggregateId != null) {
            key = DocumentKind.named(documentType).orElseThrow(() -> new IllegalArgumentException(
                    "documentType must be purchase-order, invoice or supplier")).key(aggregateId);
        }
        VerificationScope scope = new VerificationScope(key, fromIndex, toIndex);
        VerificationReport report = verifier.verify(scope);
        verifications.record(scope, report, principal == null ? "unknown" : principal.getName(),
                VerificationLog.Via.API);
        return report;
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Seal every final event not yet in a checkpoint, now",
            description = "What the scheduled job (ledger.audit.checkpoint-interval) does anyway: seal ranges of "
                    + "global indexes up to the event store's finality horizon. Answers the newest checkpoint, or "
                    + "204 when nothing has been sealed yet.")
    ResponseEntity<CheckpointSummary> seal() {
        return checkpoints.sealUpToFinal().map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/checkpoints/latest")
    @Operation(summary = "The newest checkpoint (not verified; use the verification for that)")
    ResponseEntity<CheckpointSummary> latest() {
        return checkpoints.latest().map(Checkpoint::summary).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
