package org.integrationledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integrationledger.model.shared.DocumentKey;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.query.QueryProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The full history of one document for auditors, read straight from the event store (never from a view), as
 * paged JSON or as a whole-history export in JSON Lines or CSV. Any valid API key may read it.
 */
@RestController
@RequestMapping("/api/v1/audit/documents")
@Tag(name = "Audit: history")
class AuditHistoryController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final StoredEvents events;
    private final HistoryEntries entries;

    AuditHistoryController(StoredEvents events, HistoryEntries entries) {
        this.events = events;
        this.entries = entries;
    }

    @GetMapping(path = "/{aggregateId}/history")
    @Transactional(readOnly = true)
    @Operation(summary = "Every event of one document, in the document's own order (sequence number)",
            description = "Each entry carries both time axes: recordedAt is recorded time (the Axon event timestamp, "
                    + "set by the ledger) and businessTime is business time (the payload's occurredAt, as the "
                    + "reporting system says). Order is the sequence number, i.e. recorded order; businessTime may "
                    + "go backwards because connectors report late. Also who: reportingSystem, connectorId (the "
                    + "authenticated API key's connector), messageId, correlationId, causationId. format=json "
                    + "(default) is paged; format=jsonl (application/x-ndjson) and format=csv (text/csv) export "
                    + "the whole history and ignore page/size. Accept: application/x-ndjson or text/csv select "
                    + "the same exports. Ids are per document type: type (purchase-order, invoice, supplier) says "
                    + "which document the id names; it may be left out while only one type has a document with the "
                    + "id, and is required (409 document-type-required) when several have.")
    ResponseEntity<?> history(
            @PathVariable String aggregateId,
            @Parameter(description = "purchase-order, invoice or supplier")
            @RequestParam(required = false) String type,
            @Parameter(description = "json (default), jsonl or csv")
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestHeader(name = "Accept", required = false) String accept) {
        String key = storedKey(aggregateId, type);
        long total = events.countOf(key);
        if (total == 0) {
            throw QueryProblems.notFound(ErrorCode.DOCUMENT_NOT_FOUND,
                    "no event is recorded for document " + aggregateId + (type == null ? "" : " of type " + type));
        }
        String documentType = DocumentKey.parse(key).map(found -> found.kind().label()).orElse(null);
        String fileName = documentType == null ? aggregateId : documentType + "-" + aggregateId;
        String chosen = format(format, accept);
        if (chosen.equals("jsonl")) {
            StringBuilder body = new StringBuilder();
            events.eachOf(key, row -> body.append(entries.jsonLine(entries.of(row))).append('\n'));
            return export(body.toString(), NDJSON, fileName + "-history.jsonl");
        }
        if (chosen.equals("csv")) {
            StringBuilder body = new StringBuilder(HistoryCsv.HEADER);
            events.eachOf(key, row -> body.append(HistoryCsv.row(entries.of(row))));
            return export(body.toString(), CSV, fileName + "-history.csv");
        }
        PageRequest request = new PageRequest(page, size);
        List<HistoryEntry> pageOfEntries = events.pageOf(key, request.page(), request.size()).stream()
                .map(entries::of).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new DocumentHistory(aggregateId,
                documentType, request.page(), request.size(), total, pageOfEntries));
    }

    /**
     * The stored key of the document the caller names. Without a type: the one document of any type with the id,
     * or an aggregate keyed by the id itself (an SLA rule's {@code sla-rule:...}).
     */
    private String storedKey(String id, String type) {
        if (type != null) {
            return DocumentKind.named(type).orElseThrow(() -> new IllegalArgumentException(
                    "type must be purchase-order, invoice or supplier")).key(id);
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(id);
        Arrays.stream(DocumentKind.values()).map(kind -> kind.key(id)).forEach(candidates::add);
        List<String> existing = events.existing(candidates);
        if (existing.size() > 1) {
            throw QueryProblems.conflict(ErrorCode.DOCUMENT_TYPE_REQUIRED, "several documents have the id " + id
                    + " (" + existing.stream().map(key -> DocumentKey.parse(key).map(k -> k.kind().label())
                    .orElse(key)).collect(Collectors.joining(", ")) + "); name one with ?type=");
        }
        return existing.isEmpty() ? id : existing.get(0);
    }

    private static String format(String format, String accept) {
        if (format != null) {
            String lower = format.toLowerCase(Locale.ROOT);
            if (!List.of("json", "jsonl", "csv").contains(lower)) {
                throw new IllegalArgumentException("format must be json, jsonl or csv");
            }
            return lower;
        }
        if (accept != null && accept.contains(NDJSON.toString())) {
            return "jsonl";
        }
        if (accept != null && accept.contains(CSV.toString())) {
            return "csv";
        }
        return "json";
    }

    private static ResponseEntity<String> export(String body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
