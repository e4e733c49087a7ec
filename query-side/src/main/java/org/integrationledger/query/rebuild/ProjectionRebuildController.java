package org.integrationledger.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.query.QueryProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/** Rebuild a projection from the event store and follow its progress; compare projections by checksum. */
@RestController
@RequestMapping("/api/v1/audit/projections")
@Tag(name = "Audit: projection rebuild")
class ProjectionRebuildController {

    private final ProjectionRebuilds rebuilds;

    ProjectionRebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection from the whole event history, beside the live one",
            description = "Answers 202 with the progress; the live view keeps answering until the rebuilt rows "
                    + "replace it in one transaction. No event handler runs, so nothing is sent. While any rebuild "
                    + "runs, another is refused: 409 rebuild-running. Needs the admin role (403 admin-required). "
                    + "Projections: purchase-order-view, supplier-view, reconciliation-view, trace-view, invoice-view.")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String name) {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(rebuilds.start(name).orElseThrow(() -> unknown(name)));
        } catch (RebuildAlreadyRunning e) {
            throw running(e);
        }
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every projection in one pass over the event history",
            description = "Answers 202 with one progress per projection. Each event is read and deserialized once "
                    + "and applied to every projection's rebuild, and all of them replace their live rows in one "
                    + "transaction; follow each with GET /api/v1/audit/projections/{name}/rebuild. While any "
                    + "rebuild runs, this is refused: 409 rebuild-running. Needs the admin role (403 "
                    + "admin-required).")
    ResponseEntity<List<RebuildProgress>> rebuildAll() {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.startAll());
        } catch (RebuildAlreadyRunning e) {
            throw running(e);
        }
    }

    @GetMapping("/{name}/rebuild")
    @Operation(summary = "Progress of the latest rebuild: events processed, percent, rate, ETA, final checksum")
    RebuildProgress progress(@PathVariable String name) {
        if (!rebuilds.names().contains(name)) {
            throw unknown(name);
        }
        return rebuilds.progress(name).orElseThrow(() -> QueryProblems.notFound(ErrorCode.REBUILD_NOT_FOUND,
                "no rebuild of " + name + " has run since the ledger started"));
    }

    @GetMapping("/{name}/checksum")
    @Operation(summary = "SHA-256 over the projection's rows in key order (canonical form)",
            description = "Equal checksums mean equal projections: compare a rebuilt projection with the live one, "
                    + "or two ledgers. Rows change as events arrive, so compare at rest.")
    Map<String, String> checksum(@PathVariable String name) {
        return Map.of("projection", name, "checksum", rebuilds.checksum(name).orElseThrow(() -> unknown(name)));
    }

    private static ErrorResponseException running(RebuildAlreadyRunning e) {
        ErrorResponseException conflict = QueryProblems.conflict(ErrorCode.REBUILD_RUNNING, e.getMessage());
        conflict.getBody().setProperty("running", e.running());
        return conflict;
    }

    private ErrorResponseException unknown(String name) {
        return QueryProblems.notFound(ErrorCode.PROJECTION_NOT_FOUND, "no projection " + name + " can be rebuilt; "
                + "known: " + String.join(", ", rebuilds.names().stream().sorted().toList()));
    }
}
