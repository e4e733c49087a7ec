package org.integrationledger.query.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.query.QueryParameters;
import org.integrationledger.query.QueryProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read API of the business SLAs (question 6): what breaches which SLA now, what is about to, and how each rule did. */
@RestController
@Tag(name = "Business SLAs")
class SlaQueryController {

    private final SlaQueries queries;

    SlaQueryController(SlaQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/slas/rules")
    @Operation(summary = "The SLA rules on the record, with their open clocks by state")
    List<SlaRuleStatus> rules() {
        return queries.rules();
    }

    @GetMapping("/api/v1/slas/rules/{rule}")
    @Operation(summary = "One SLA rule on the record, with its open clocks by state")
    SlaRuleStatus rule(@PathVariable String rule) {
        return queries.rule(rule).orElseThrow(() -> QueryProblems.notFound(ErrorCode.SLA_RULE_NOT_FOUND,
                "no SLA rule " + rule + " is on the record"));
    }

    @GetMapping("/api/v1/slas/open")
    @Operation(summary = "Open breaches and at-risk items, oldest first, filtered and paged",
            description = "Age runs from the start event's business time; a breached item stays here until its "
                    + "stop event arrives. total counts matches up to ledger.query.total-count-limit; totalExact is "
                    + "false when more matched.")
    SlaClockPage open(
            @Parameter(description = "AT_RISK or BREACHED (default both)") @RequestParam(required = false) String state,
            @Parameter(description = "rule name, e.g. po-approved-to-posted") @RequestParam(required = false) String rule,
            @Parameter(description = "region: GLOBAL, NA, EMEA") @RequestParam(required = false) String region,
            @Parameter(description = "system the clock waits for, e.g. ERP_EMEA") @RequestParam(required = false) String system,
            @Parameter(description = "legal entity, e.g. DE01") @RequestParam(required = false) String legalEntity,
            @Parameter(description = "ISO-8601 duration: only items started at least this long ago (business time)")
            @RequestParam(required = false) String olderThan,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.open(new SlaQueries.OpenFilter(state, rule, region, system, legalEntity,
                olderThan == null ? null : QueryParameters.duration("olderThan", olderThan)), new PageRequest(page, size));
    }

    @GetMapping("/api/v1/slas/history")
    @Operation(summary = "Met and met-late clocks of a rule in a period (by business stop time), for the dashboard")
    SlaHistory history(
            @RequestParam String rule,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam String to,
            @Parameter(description = "MET or MET_LATE (default both)") @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.history(rule, QueryParameters.instant("from", from), QueryParameters.instant("to", to), outcome, new PageRequest(page, size));
    }

    @GetMapping("/api/v1/slas/documents/{documentId}")
    @Operation(summary = "Every SLA clock of one document (purchase order, supplier, ...)")
    List<SlaClock> document(@PathVariable String documentId) {
        List<SlaClock> clocks = queries.ofDocument(documentId);
        if (clocks.isEmpty()) {
            throw QueryProblems.notFound(ErrorCode.SLA_CLOCKS_NOT_FOUND, "no SLA clock runs or ran for " + documentId);
        }
        return clocks;
    }

    @GetMapping("/api/v1/slas/notifications")
    @Operation(summary = "Breach notifications of the webhook outbox, newest first; FAILED ones gave up")
    List<SlaNotification> notifications(
            @Parameter(description = "PENDING, SENT or FAILED") @RequestParam(required = false) String status,
            @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.notifications(status, rule, new PageRequest(page, size));
    }
}
