package org.integrationledger.app.console;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.FindReconciliationEntry;
import org.integrationledger.model.reconciliation.FindTrace;
import org.integrationledger.model.reconciliation.ReconciliationEntry;
import org.integrationledger.model.reconciliation.Trace;
import org.integrationledger.model.reconciliation.TraceStep;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.query.audit.AuditReads;
import org.integrationledger.query.audit.DocumentHistory;
import org.integrationledger.query.sla.SlaClock;
import org.integrationledger.query.sla.SlaQueries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.integrationledger.app.console.SlaBoardController.blankToNull;

/**
 * One document (question 5): its position in every system side by side, its open divergences, its SLA clocks and
 * the timeline of its trace by business time with recorded time beside it. With {@code asOf} the page shows what
 * the ledger knew at that recorded instant: the steps recorded by then and, for a purchase order, its state
 * rebuilt from the events recorded by then. The search box lands here.
 */
@Controller
@ConditionalOnProperty(name = "ledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
class DocumentPageController {

    /** The order the search box tries the kinds of document in. */
    private static final List<DocumentType> SEARCH_ORDER = List.of(DocumentType.PURCHASE_ORDER,
            DocumentType.INVOICE, DocumentType.SUPPLIER, DocumentType.PAYMENT);

    private final QueryGateway queries;
    private final SlaQueries slas;
    private final AuditReads audit;
    private final Clock clock;

    DocumentPageController(QueryGateway queries, SlaQueries slas, AuditReads audit, Clock clock) {
        this.queries = queries;
        this.slas = slas;
        this.audit = audit;
        this.clock = clock;
    }

    /** The URL of a document's page. */
    static String path(DocumentType type, String id) {
        return "/console/documents/" + slug(type) + "/" + id;
    }

    static String slug(DocumentType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @GetMapping("/console/search")
    String search(@RequestParam(name = "q", required = false) String key, Model model) {
        String q = blankToNull(key);
        if (q != null) {
            for (DocumentType type : SEARCH_ORDER) {
                if (entry(type, q).isPresent()) {
                    return "redirect:" + path(type, q);
                }
            }
            // A key that names no document of its own may still name a trace (e.g. a correlation id).
            Optional<Trace> trace = trace(new FindTrace(null, q));
            if (trace.isPresent() && !trace.get().steps().isEmpty()) {
                TraceStep first = trace.get().steps().get(0);
                return "redirect:" + path(first.documentType(), first.documentId());
            }
        }
        model.addAttribute("q", q);
        return "console/search";
    }

    @GetMapping("/console/documents/{type}/{id}")
    Object document(@PathVariable String type, @PathVariable String id,
                    @RequestParam(required = false) String asOf,
                    @RequestParam(required = false) String table,
                    @RequestParam(required = false) String format, Model model) {
        DocumentType documentType = documentType(type);
        Instant knownAt = instant(blankToNull(asOf));
        ReconciliationEntry entry = entry(documentType, id).orElse(null);
        List<SlaClock> clocks = slas.ofDocument(id);
        Optional<Trace> trace = trace(new FindTrace(id, null));
        List<TraceStep> steps = trace.map(Trace::steps).orElse(List.of()).stream()
                .filter(step -> knownAt == null || !step.recordedAt().isAfter(knownAt))
                .toList();
        if (entry == null && clocks.isEmpty() && steps.isEmpty() && knownAt == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the ledger knows no " + documentType + " " + id);
        }
        if (CsvExport.requested(format)) {
            return csv(documentType, id, entry, clocks, steps, table);
        }
        PurchaseOrderSummary then = null;
        if (knownAt != null && documentType == DocumentType.PURCHASE_ORDER) {
            then = audit.purchaseOrderAsOf(PurchaseOrderId.of(id), knownAt).orElse(null);
        }
        model.addAttribute("type", documentType);
        model.addAttribute("slug", slug(documentType));
        model.addAttribute("id", id);
        model.addAttribute("entry", entry);
        model.addAttribute("clocks", clocks);
        model.addAttribute("steps", steps);
        model.addAttribute("asOf", knownAt);
        model.addAttribute("then", then);
        model.addAttribute("auditable", DocumentKind.named(slug(documentType)).isPresent());
        return "console/document";
    }

    @GetMapping("/console/audit/{type}/{id}")
    Object history(@PathVariable String type, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(required = false) String format, Model model) {
        // Ids are unique per type of document (a payment's events are its invoice's), so the type is part of the URL.
        DocumentKind kind = DocumentKind.named(type).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "audit history is kept per purchase-order, invoice or supplier, not " + type));
        if (CsvExport.requested(format)) {
            return ResponseEntity.ok().contentType(CsvExport.CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + kind.label() + "-" + id + "-history.csv\"")
                    .body(audit.historyCsv(kind, id));
        }
        DocumentHistory history = audit.history(kind, id, new PageRequest(page, 100));
        model.addAttribute("history", history);
        model.addAttribute("kind", kind.label());
        model.addAttribute("id", id);
        return "console/audit";
    }

    private Object csv(DocumentType type, String id, ReconciliationEntry entry, List<SlaClock> clocks,
                       List<TraceStep> steps, String table) {
        String name = slug(type) + "-" + id;
        return switch (table == null ? "timeline" : table) {
            case "systems" -> new CsvExport(name + "-systems.csv", List.of("system", "role", "state", "version",
                    "reference", "amount", "status", "business_time", "recorded_at"),
                    entry == null ? List.of() : entry.systems().stream().map(p -> List.of(Formats.text(p.system()),
                            Formats.text(p.role()), Formats.text(p.state()), Formats.text(p.version()),
                            Formats.text(p.reference()), Formats.money(p.amount()), Formats.text(p.status()),
                            Formats.text(p.businessTime()), Formats.text(p.recordedAt()))).toList()).response();
            case "divergences" -> new CsvExport(name + "-divergences.csv", List.of("divergence", "system", "region",
                    "since", "age", "detail"),
                    entry == null ? List.of() : entry.divergences().stream().map(f -> List.of(f.flag().name(),
                            Formats.text(f.system()), Formats.text(f.region()), Formats.text(f.since()),
                            Formats.text(f.age()), Formats.text(f.detail()))).toList()).response();
            case "clocks" -> new CsvExport(name + "-sla-clocks.csv", List.of("rule", "state", "system", "started_at",
                    "due_at", "stopped_at", "age"), clocks.stream().map(c -> List.of(c.rule(), c.state().name(),
                    Formats.text(c.system()), Formats.text(c.startedAt()), Formats.text(c.dueAt()),
                    Formats.text(c.stoppedAt()), Formats.text(c.age()))).toList()).response();
            default -> new CsvExport(name + "-timeline.csv", List.of("business_time", "recorded_at", "document_type",
                    "document_id", "event", "reporting_system", "connector", "message_id", "correlation_id",
                    "summary"), steps.stream().map(s -> List.of(Formats.text(s.businessTime()),
                    Formats.text(s.recordedAt()), s.documentType().name(), s.documentId(), s.event(),
                    Formats.text(s.reportingSystem()), Formats.text(s.connector()), Formats.text(s.messageId()),
                    Formats.text(s.correlationId()), Formats.text(s.summary()))).toList()).response();
        };
    }

    private Optional<ReconciliationEntry> entry(DocumentType type, String id) {
        return queries.query(new FindReconciliationEntry(type, id, clock.instant()),
                ResponseTypes.optionalInstanceOf(ReconciliationEntry.class)).join();
    }

    private Optional<Trace> trace(FindTrace query) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(Trace.class)).join();
    }

    private static DocumentType documentType(String slug) {
        try {
            return DocumentType.valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no kind of document " + slug);
        }
    }

    /**
     * The as-of instant: an ISO instant (the page's script sends the picker's local time in UTC), or the picker's
     * own {@code yyyy-MM-ddTHH:mm} read as UTC when no script ran.
     */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "asOf must be a date and time, e.g. "
                        + "2026-09-30T23:59:59Z");
            }
        }
    }
}
