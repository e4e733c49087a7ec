package org.integrationledger.query.accrual;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.model.accrual.AccrualReport;
import org.integrationledger.model.accrual.VarianceReport;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.query.QueryProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    AccrualController(AccrualQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "GR/IR accrual at a period end: received-not-invoiced and invoiced-not-received",
            description = AXES + "Per legal entity and currency: both totals over every open line, and one page of "
                    + "the open lines (size, default " + AccrualQueries.DEFAULT_PAGE_SIZE + ", at most "
                    + AccrualQueries.MAX_PAGE_SIZE + "), each with the variance reasons the ledger can prove; "
                    + "nextCursor (and a Link rel=next header) asks for the page after it. format=csv (or Accept: "
                    + "text/csv) and format=jsonl (or Accept: application/x-ndjson, one line object per line) stream "
                    + "every open line. 400 invalid-time for a bad periodEnd or knownAt, 400 validation-failed for a "
                    + "bad filter, size or cursor.")
    ResponseEntity<?> report(
            @Parameter(description = "last day of the period, e.g. 2026-12-31") @RequestParam String periodEnd,
            @RequestParam(required = false) String legalEntity,
            @Parameter(description = "the order's currency, e.g. EUR") @RequestParam(required = false) String currency,
            @RequestParam(required = false) String supplierId,
            @Parameter(description = "ISO-8601 instant on the recorded-time axis; default now")
            @RequestParam(required = false) String knownAt,
            @Parameter(description = "json (default), csv or jsonl") @RequestParam(required = false) String format,
            @Parameter(description = "nextCursor of the page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "lines per page, 1 to " + AccrualQueries.MAX_PAGE_SIZE)
            @RequestParam(required = false) Integer size,
            @RequestHeader(name = "Accept", required = false) String accept,
            HttpServletResponse response) throws IOException {
        AccrualCriteria criteria = criteria(periodEnd, legalEntity, currency, supplierId, knownAt);
        String chosen = format(format, accept);
        if (chosen.equals("csv")) {
            OutputStream out = export(response, CSV, "accruals-" + criteria.periodEnd() + ".csv");
            out.write(AccrualCsv.HEADER.getBytes(StandardCharsets.UTF_8));
            queries.everyLine(criteria, line -> write(out, AccrualCsv.row(line)));
            return null;
        }
        if (chosen.equals("jsonl")) {
            OutputStream out = export(response, NDJSON, "accruals-" + criteria.periodEnd() + ".jsonl");
            queries.everyLine(criteria, line -> write(out, json.writeValueAsString(line) + "\n"));
            return null;
        }
        AccrualReport report = queries.report(criteria, page(cursor, size));
        return withNext(ResponseEntity.ok(), report.nextCursor()).contentType(MediaType.APPLICATION_JSON)
                .body(report);
    }

    @GetMapping("/variances")
    @Operation(summary = "The open lines of the accrual that carry a variance reason, with totals per reason",
            description = AXES + "Reasons: INVOICE_POSTED_UNMATCHED, ERP_HOLDS_OLDER_ORDER_VERSION, LATE_FACT, "
                    + "CURRENCY_MISMATCH. Totals are per reason, legal entity and currency, over every such line; a "
                    + "line with two reasons counts under both. Lines are paged like the report's.")
    ResponseEntity<VarianceReport> variances(
            @RequestParam String periodEnd,
            @RequestParam(required = false) String legalEntity,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String supplierId,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer size) {
        VarianceReport report = queries.variances(criteria(periodEnd, legalEntity, currency, supplierId, knownAt),
                page(cursor, size));
        return withNext(ResponseEntity.ok(), report.nextCursor()).body(report);
    }

    private static AccrualPage page(String cursor, Integer size) {
        return AccrualPage.of(cursor, size == null ? AccrualQueries.DEFAULT_PAGE_SIZE : size);
    }

    /** The next page's address: this request's with the cursor replaced. */
    private static ResponseEntity.BodyBuilder withNext(ResponseEntity.BodyBuilder response, String nextCursor) {
        if (nextCursor == null) {
            return response;
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", nextCursor)
                .build().toUriString();
        return response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
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
        Instant known = null;
        if (knownAt != null) {
            try {
                known = Instant.parse(knownAt);
            } catch (DateTimeParseException e) {
                throw QueryProblems.badRequest(ErrorCode.INVALID_TIME, "knownAt '" + knownAt
                        + "' is not an ISO-8601 instant such as 2027-01-05T12:00:00Z");
            }
        }
        // The typed ids check the shapes; their refusal is answered as 400 validation-failed.
        return AccrualQueries.criteria(end, known,
                legalEntity == null ? null : LegalEntityId.of(legalEntity),
                currency == null ? null : CurrencyCode.of(currency),
                supplierId == null ? null : SupplierId.of(supplierId));
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

    /**
     * The response's body, for an export written line by line as the lines are folded, so an export of hundreds
     * of thousands of lines is never held whole (the handler then answers null: the response is written).
     */
    private static OutputStream export(HttpServletResponse response, MediaType type, String fileName)
            throws IOException {
        response.setStatus(200);
        response.setContentType(new MediaType(type, StandardCharsets.UTF_8).toString());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return response.getOutputStream();
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
