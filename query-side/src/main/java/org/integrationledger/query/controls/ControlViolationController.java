package org.integrationledger.query.controls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.controls.ControlViolation;
import org.integrationledger.model.controls.ControlViolationPage;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.query.QueryProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The controls report (docs/controls.md): the page an auditor samples control violations from. */
@RestController
@Tag(name = "Controls")
class ControlViolationController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final ControlViolationTable table;

    ControlViolationController(ControlViolationTable table) {
        this.table = table;
    }

    @GetMapping("/api/v1/controls/violations")
    @Operation(summary = "Every finance control violation and review flag, with the events that prove it",
            description = "Newest business time first. Each item names the invoice (and payment), the legal entity "
                    + "and region, the reporting system, both times, the masked accounts of the beneficiary "
                    + "control, and its evidence: each proving event's document type and id, sequence number, type, "
                    + "business and recorded time (read back with /api/v1/audit/{type}/{id}/history). format=csv "
                    + "(or Accept: text/csv) exports every match and ignores page/size. 400 validation-failed for a "
                    + "bad kind or legal entity, 400 invalid-time for a bad since.")
    ResponseEntity<?> violations(
            @RequestParam(required = false) ControlKind kind,
            @Parameter(description = "the invoice's region, e.g. EMEA") @RequestParam(required = false) String region,
            @RequestParam(required = false) String legalEntity,
            @Parameter(description = "ISO-8601 instant: violations whose business time is at or after it")
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        ControlViolationTable.Criteria criteria = new ControlViolationTable.Criteria(kind, region,
                legalEntity == null ? null : LegalEntityId.of(legalEntity).value(), since(since));
        if (csv(format, accept)) {
            StringBuilder body = new StringBuilder(ControlViolationCsv.HEADER);
            for (ControlViolation violation : table.all(criteria)) {
                body.append(ControlViolationCsv.row(violation));
            }
            return ResponseEntity.ok().contentType(new MediaType(CSV, StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"control-violations.csv\"")
                    .body(body.toString());
        }
        ControlViolationPage answer = table.page(criteria, new PageRequest(page, size));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private static Instant since(String since) {
        if (since == null) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw QueryProblems.badRequest(ErrorCode.INVALID_TIME, "since '" + since
                    + "' is not an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static boolean csv(String format, String accept) {
        if (format != null) {
            String lower = format.toLowerCase(Locale.ROOT);
            if (!lower.equals("json") && !lower.equals("csv")) {
                throw new IllegalArgumentException("format must be json or csv");
            }
            return lower.equals("csv");
        }
        return accept != null && accept.contains(CSV.toString());
    }
}
