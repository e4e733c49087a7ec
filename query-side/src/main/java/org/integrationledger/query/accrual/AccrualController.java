package org.integrationledger.query.accrual;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integrationledger.model.accrual.AccrualGroup;
import org.integrationledger.model.accrual.AccrualReport;
import org.integrationledger.model.accrual.VarianceReport;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.query.QueryProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The period-end GR/IR accrual (docs/accruals.md): open lines per legal entity and currency, and their variances. */
@RestController
@RequestMapping("/api/v1/accruals")
@Tag(name = "Accruals")
class AccrualController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final String AXES = "Two time axes: facts whose business time (occurredAt) falls on or before "
            + "periodEnd (a date; the period ends at the end of that day in UTC), as the ledger knew them at knownAt "
            + "(facts recorded at or before it; default now). Asked again later with the same knownAt, the answer is "
            + "the same: facts that arrived after it are left out. ";

    private final AccrualQueries queries;
    private final JsonMapper json;
    // Recorded time is the event store's system clock, so "now" on that axis is the system clock too.
    private final Clock clock = Clock.systemUTC();

    AccrualController(AccrualQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "GR/IR accrual at a period end: received-not-invoiced and invoiced-not-received",
            description = AXES + "Per legal entity and currency: both totals and their lines, each with the variance "
                    + "reasons the ledger can prove. format=csv (or Accept: text/csv) and format=jsonl (or Accept: "
                    + "application/x-ndjson, one line object per line) export the lines. "
                    + "400 invalid-time for a bad periodEnd or knownAt, 400 validation-failed for a bad filter.")
    ResponseEntity<?> report(
            @Parameter(description = "last day of the period, e.g. 2026-12-31") @RequestParam String periodEnd,
            @RequestParam(required = false) String legalEntity,
            @Parameter(description = "the order's currency, e.g. EUR") @RequestParam(required = false) String currency,
            @RequestParam(required = false) String supplierId,
            @Parameter(description = "ISO-8601 instant on the recorded-time axis; default now")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = "json (default), csv or jsonl") @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        AccrualCriteria criteria = criteria(periodEnd, legalEntity, currency, supplierId, knownAt);
        String chosen = format(format, accept);
        AccrualReport report = queries.report(criteria);
        if (chosen.equals("csv")) {
            StringBuilder body = new StringBuilder(AccrualCsv.HEADER);
            for (AccrualGroup group : report.groups()) {
                group.lines().forEach(line -> body.append(AccrualCsv.row(line)));
            }
            return export(body.toString(), CSV, "accruals-" + criteria.periodEnd() + ".csv");
        }
        if (chosen.equals("jsonl")) {
            StringBuilder body = new StringBuilder();
            for (AccrualGroup group : report.groups()) {
                group.lines().forEach(line -> body.append(json.writeValueAsString(line)).append('\n'));
            }
            return export(body.toString(), NDJSON, "accruals-" + criteria.periodEnd() + ".jsonl");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @GetMapping("/variances")
    @Operation(summary = "The open lines of the accrual that carry a variance reason, with totals per reason",
            description = AXES + "Reasons: INVOICE_POSTED_UNMATCHED, ERP_HOLDS_OLDER_ORDER_VERSION, LATE_FACT, "
                    + "CURRENCY_MISMATCH. Totals are per reason, legal entity and currency; a line with two reasons "
                    + "counts under both.")
    VarianceReport variances(
            @RequestParam String periodEnd,
            @RequestParam(required = false) String legalEntity,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String supplierId,
            @RequestParam(required = false) String knownAt) {
        return queries.variances(criteria(periodEnd, legalEntity, currency, supplierId, knownAt));
    }

    private AccrualCriteria criteria(String periodEnd, String legalEntity, String currency, String supplierId,
                                     String knownAt) {
        LocalDate end;
        try {
            end = LocalDate.parse(periodEnd);
        } catch (DateTimeParseException e) {
            throw QueryProblems.badRequest(ErrorCode.INVALID_TIME, "periodEnd '" + periodEnd
                    + "' is not an ISO-8601 date such as 2026-12-31");
        }
        Instant known;
        if (knownAt == null) {
            known = clock.instant();
        } else {
            try {
                known = Instant.parse(knownAt);
            } catch (DateTimeParseException e) {
                throw QueryProblems.badRequest(ErrorCode.INVALID_TIME, "knownAt '" + knownAt
                        + "' is not an ISO-8601 instant such as 2027-01-05T12:00:00Z");
            }
        }
        // The typed ids check the shapes; their refusal is answered as 400 validation-failed.
        return new AccrualCriteria(end, known,
                legalEntity == null ? null : LegalEntityId.of(legalEntity).value(),
                currency == null ? null : CurrencyCode.of(currency).value(),
                supplierId == null ? null : SupplierId.of(supplierId).value());
    }

    private static String format(String format, String accept) {
        if (format != null) {
            String lower = format.toLowerCase(Locale.ROOT);
            if (!List.of("json", "csv", "jsonl").contains(lower)) {
                throw new IllegalArgumentException("format must be json, csv or jsonl");
            }
            return lower;
        }
        if (accept != null && accept.contains(NDJSON.toString())) {
            return "jsonl";
        }
        return accept != null && accept.contains(CSV.toString()) ? "csv" : "json";
    }

    private static ResponseEntity<String> export(String body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(new MediaType(type, StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
