package org.integrationledger.app.console;

import org.integrationledger.app.security.LedgerRole;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionStatus;
import org.integrationledger.model.invoice.InvoiceExceptionPage;
import org.integrationledger.model.invoice.InvoiceExceptionSummary;
import org.integrationledger.model.invoice.ListInvoiceExceptions;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SupplierId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.integrationledger.app.console.SlaBoardController.blankToNull;

/**
 * The invoice exception queue (questions 2 and 8): exceptions per regional work queue, oldest first, with their
 * business context and resolution, filtered as {@code GET /api/v1/invoice-exceptions}. An approver sees an override
 * form on each open exception ({@link ExceptionOverrideController}), each with a message id of its own, so a form sent
 * twice is one override; a process without the command side shows none.
 */
@Controller
@ConditionalOnProperty(name = "ledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
class ExceptionQueueController {

    private final QueryGateway queries;
    private final boolean overridesHere;

    ExceptionQueueController(QueryGateway queries, ObjectProvider<ConsoleOverrides> overrides) {
        this.queries = queries;
        this.overridesHere = overrides.getIfAvailable() != null;
    }

    @GetMapping("/console/exceptions")
    Object queue(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                 @RequestParam(required = false) String queue, @RequestParam(required = false) String region,
                 @RequestParam(required = false) String legalEntity, @RequestParam(required = false) String supplierId,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                 @RequestParam(required = false) String format, Authentication authentication,
                 HttpServletRequest request, Model model) {
        // Open ones unless the filter says otherwise; an empty status (the form's "all") means any.
        String chosenStatus = status == null ? ExceptionStatus.OPEN.name() : blankToNull(status);
        String chosenKind = blankToNull(kind);
        String chosenLegalEntity = blankToNull(legalEntity);
        String chosenSupplier = blankToNull(supplierId);
        boolean csv = CsvExport.requested(format);
        ListInvoiceExceptions query = new ListInvoiceExceptions(
                chosenStatus == null ? null : ExceptionStatus.valueOf(chosenStatus.toUpperCase(Locale.ROOT)),
                chosenKind == null ? null : ExceptionKind.valueOf(chosenKind.toUpperCase(Locale.ROOT)),
                blankToNull(queue), blankToNull(region) == null ? null : region.trim().toUpperCase(Locale.ROOT),
                chosenLegalEntity == null ? null : LegalEntityId.of(chosenLegalEntity),
                chosenSupplier == null ? null : SupplierId.of(chosenSupplier),
                csv ? new PageRequest(0, PageRequest.MAX_SIZE) : new PageRequest(page, size));
        InvoiceExceptionPage found = queries.query(query, ResponseTypes.instanceOf(InvoiceExceptionPage.class)).join();
        if (csv) {
            return new CsvExport("invoice-exceptions.csv", List.of("invoice_id", "exception", "kind", "status",
                    "queue", "region", "legal_entity", "supplier", "purchase_order", "gross", "variance", "detail",
                    "raised_at", "age", "resolution", "resolved_by", "resolution_reason"),
                    found.items().stream().map(ExceptionQueueController::csvRow).toList()).response();
        }
        model.addAttribute("found", found);
        boolean approver = overridesHere && authentication != null && authentication.getAuthorities().stream()
                .anyMatch(granted -> LedgerRole.APPROVER.authority().equals(granted.getAuthority()));
        model.addAttribute("overrideForms", approver ? overrideMessageIds(found) : Map.of());
        model.addAttribute("here", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("kinds", ExceptionKind.values());
        model.addAttribute("params", Map.of("status", chosenStatus == null ? "" : chosenStatus,
                "kind", chosenKind == null ? "" : chosenKind, "queue", queue == null ? "" : queue,
                "region", region == null ? "" : region, "legalEntity", legalEntity == null ? "" : legalEntity,
                "supplierId", supplierId == null ? "" : supplierId));
        return "console/exceptions";
    }

    /** A fresh message id for the override form of each open exception: one per form shown, reused by its resending. */
    private static Map<String, String> overrideMessageIds(InvoiceExceptionPage found) {
        return found.items().stream().filter(e -> e.status() == ExceptionStatus.OPEN)
                .collect(Collectors.toMap(InvoiceExceptionSummary::exceptionId,
                        e -> "console-" + UUID.randomUUID(), (first, second) -> first));
    }

    private static List<String> csvRow(InvoiceExceptionSummary e) {
        return List.of(Formats.text(e.invoiceId()), String.valueOf(e.exceptionNumber()), Formats.text(e.kind()),
                Formats.text(e.status()), Formats.text(e.queue()), Formats.text(e.region()),
                Formats.text(e.legalEntity()), Formats.text(e.supplier()), Formats.text(e.purchaseOrderId()),
                Formats.money(e.gross()), Formats.money(e.varianceAmount()), Formats.text(e.detail()),
                Formats.text(e.raisedAt()), Formats.text(Duration.ofSeconds(e.ageSeconds())),
                Formats.text(e.resolution()), Formats.text(e.resolvedBy()), Formats.text(e.resolutionReason()));
    }
}
