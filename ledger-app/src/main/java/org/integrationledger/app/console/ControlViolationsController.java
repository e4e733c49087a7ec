package org.integrationledger.app.console;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.controls.ControlViolation;
import org.integrationledger.model.controls.ControlViolationPage;
import org.integrationledger.model.controls.ListControlViolations;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The controls report in the console: the violations an auditor samples from, with their evidence. */
@Controller
@ConditionalOnProperty(name = "ledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
class ControlViolationsController {

    private final QueryGateway queries;

    ControlViolationsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/console/controls")
    Object violations(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                      @RequestParam(required = false) String legalEntity, @RequestParam(required = false) String since,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                      @RequestParam(required = false) String format, Model model) {
        String chosenKind = blankToNull(kind);
        String chosenRegion = blankToNull(region);
        String chosenEntity = blankToNull(legalEntity);
        String chosenSince = blankToNull(since);
        boolean csv = CsvExport.requested(format);
        ListControlViolations query = new ListControlViolations(
                chosenKind == null ? null : ControlKind.valueOf(chosenKind.toUpperCase(Locale.ROOT)),
                chosenRegion == null ? null : chosenRegion.toUpperCase(Locale.ROOT),
                chosenEntity == null ? null : LegalEntityId.of(chosenEntity),
                chosenSince == null ? null : since(chosenSince),
                csv ? new PageRequest(0, PageRequest.MAX_SIZE) : new PageRequest(page, size));
        ControlViolationPage found = queries.query(query, ResponseTypes.instanceOf(ControlViolationPage.class)).join();
        if (csv) {
            return new CsvExport("control-violations.csv", List.of("violation_id", "kind", "invoice_id",
                    "payment_reference", "supplier_id", "legal_entity", "region", "reporting_system",
                    "business_time", "recorded_at", "paid_account", "golden_record_account", "detail", "evidence"),
                    found.items().stream().map(ControlViolationsController::csvRow).toList()).response();
        }
        model.addAttribute("found", found);
        model.addAttribute("kinds", ControlKind.values());
        model.addAttribute("params", Map.of("kind", chosenKind == null ? "" : chosenKind,
                "region", chosenRegion == null ? "" : chosenRegion, "legalEntity", chosenEntity == null ? "" : chosenEntity,
                "since", chosenSince == null ? "" : chosenSince));
        return "console/controls";
    }

    /** One proving event as a line of text: where it is in the store and both of its times. */
    private static String evidence(ControlEvidence e) {
        return e.documentType() + " " + e.documentId() + " #" + e.sequenceNumber() + " " + e.eventType()
                + " (business " + Formats.utc(e.businessTime()) + ", recorded " + Formats.utc(e.recordedAt()) + ")";
    }

    private static List<String> csvRow(ControlViolation v) {
        return List.of(Formats.text(v.violationId()), Formats.text(v.kind()), Formats.text(v.invoiceId()),
                Formats.text(v.paymentReference()), Formats.text(v.supplierId()), Formats.text(v.legalEntity()),
                Formats.text(v.region()), Formats.text(v.reportingSystem()), Formats.text(v.businessTime()),
                Formats.text(v.recordedAt()), Formats.text(v.paidAccount()), Formats.text(v.goldenRecordAccount()),
                Formats.text(v.detail()), v.evidence().stream().map(ControlViolationsController::evidence)
                        .collect(Collectors.joining(" | ")));
    }

    private static Instant since(String since) {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an ISO-8601 instant such as 2026-10-01T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
