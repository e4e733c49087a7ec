package org.integrationledger.app.console;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.reconciliation.AgeOrder;
import org.integrationledger.model.reconciliation.CountDivergences;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DivergenceCounts;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.FindReconciliationEntries;
import org.integrationledger.model.reconciliation.ReconciliationEntry;
import org.integrationledger.model.reconciliation.ReconciliationFilter;
import org.integrationledger.model.reconciliation.ReconciliationPage;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.integrationledger.app.console.SlaBoardController.blankToNull;

/**
 * The reconciliation board (questions 1 to 4): open divergences by kind × region × system as a heat table, each
 * count a link to the documents behind it, listed with the same filters as {@code GET /api/v1/reconciliation}
 * and sortable by age both ways ({@code sort=oldest|newest}).
 */
@Controller
@ConditionalOnProperty(name = "ledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
class ReconciliationBoardController {

    /** The column of divergences that concern a document as a whole rather than one system. */
    static final String DOCUMENT_WIDE = "";

    private final QueryGateway queries;
    private final Clock clock;

    ReconciliationBoardController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** A column of the heat table: a region and a system (empty: the document as a whole). */
    record Column(String region, String system) {
    }

    /** A row of the heat table: one kind of divergence, its count per column, and its total. */
    record Row(Divergence kind, List<Long> counts, long total) {
    }

    @GetMapping("/console/reconciliation")
    Object board(@RequestParam(required = false) String documentType,
                 @RequestParam(required = false) String legalEntity,
                 @RequestParam(required = false) String format, Model model) {
        ReconciliationFilter filter = filter(documentType, null, legalEntity, null, null, null);
        DivergenceCounts counts = queries.query(new CountDivergences(filter),
                ResponseTypes.instanceOf(DivergenceCounts.class)).join();
        TreeSet<Column> columnSet = new TreeSet<>((a, b) -> a.region().equals(b.region())
                ? a.system().compareTo(b.system()) : a.region().compareTo(b.region()));
        Map<Divergence, Map<Column, Long>> cells = new LinkedHashMap<>();
        for (DivergenceCounts.Count count : counts.counts()) {
            Column column = new Column(count.region(), count.system() == null ? DOCUMENT_WIDE
                    : count.system().value());
            columnSet.add(column);
            cells.computeIfAbsent(count.flag(), k -> new LinkedHashMap<>()).merge(column, count.count(), Long::sum);
        }
        List<Column> columns = new ArrayList<>(columnSet);
        List<Row> rows = new ArrayList<>();
        for (Divergence kind : Divergence.values()) {
            Map<Column, Long> byColumn = cells.getOrDefault(kind, Map.of());
            List<Long> row = columns.stream().map(column -> byColumn.getOrDefault(column, 0L)).toList();
            rows.add(new Row(kind, row, row.stream().mapToLong(Long::longValue).sum()));
        }
        if (CsvExport.requested(format)) {
            List<List<String>> lines = new ArrayList<>();
            counts.counts().forEach(count -> lines.add(List.of(count.flag().name(), count.region(),
                    count.system() == null ? "" : count.system().value(), count.documentType().name(),
                    String.valueOf(count.count()))));
            return new CsvExport("divergence-counts.csv",
                    List.of("divergence", "region", "system", "document_type", "count"), lines).response();
        }
        long max = rows.stream().flatMap(row -> row.counts().stream()).mapToLong(Long::longValue).max().orElse(0);
        model.addAttribute("columns", columns);
        model.addAttribute("rows", rows);
        model.addAttribute("max", Math.max(max, 1));
        model.addAttribute("counts", counts);
        model.addAttribute("documentType", blankToNull(documentType));
        model.addAttribute("legalEntity", blankToNull(legalEntity));
        model.addAttribute("documentTypes", DocumentType.values());
        return "console/reconciliation";
    }

    @GetMapping("/console/reconciliation/documents")
    Object list(@RequestParam(required = false) String documentType, @RequestParam(required = false) String region,
                @RequestParam(required = false) String legalEntity, @RequestParam(required = false) String system,
                @RequestParam(required = false) String divergence, @RequestParam(required = false) String divergentFor,
                @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                @RequestParam(required = false) String format, Model model) {
        ReconciliationFilter filter = filter(documentType, region, legalEntity, system, divergence, divergentFor);
        if (CsvExport.requested(format)) {
            ReconciliationPage all = page(filter, new PageRequest(0, PageRequest.MAX_SIZE), order(sort, filter));
            return new CsvExport("reconciliation.csv", List.of("document_type", "document_id", "business_key",
                    "legal_entity", "region", "routed_to", "status", "amount", "divergent_since", "divergences"),
                    all.items().stream().map(ReconciliationBoardController::csvRow).toList()).response();
        }
        AgeOrder order = order(sort, filter);
        ReconciliationPage found = page(filter, new PageRequest(page, size), order);
        model.addAttribute("found", found);
        model.addAttribute("items", found.items());
        model.addAttribute("filter", filter);
        model.addAttribute("sort", order == AgeOrder.OLDEST_FIRST ? "oldest" : "newest");
        model.addAttribute("byAge", filter.selectsDivergences());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("divergences", Divergence.values());
        model.addAttribute("params", Map.of(
                "documentType", nullToEmpty(documentType), "region", nullToEmpty(region),
                "legalEntity", nullToEmpty(legalEntity), "system", nullToEmpty(system),
                "divergence", nullToEmpty(divergence), "divergentFor", nullToEmpty(divergentFor)));
        return "console/reconciliation-documents";
    }

    /**
     * The list's order from {@code sort} ({@code oldest} or {@code newest}; absent: the list's default), across
     * all pages: the query side orders the whole list that way.
     */
    private static AgeOrder order(String sort, ReconciliationFilter filter) {
        String asked = blankToNull(sort);
        if (asked == null) {
            return AgeOrder.defaultFor(filter);
        }
        return switch (asked.toLowerCase(Locale.ROOT)) {
            case "oldest" -> AgeOrder.OLDEST_FIRST;
            case "newest" -> AgeOrder.NEWEST_FIRST;
            default -> throw new IllegalArgumentException("sort must be oldest or newest");
        };
    }

    private ReconciliationPage page(ReconciliationFilter filter, PageRequest request, AgeOrder order) {
        return queries.query(new FindReconciliationEntries(filter, request, order),
                ResponseTypes.instanceOf(ReconciliationPage.class)).join();
    }

    private static List<String> csvRow(ReconciliationEntry entry) {
        return List.of(entry.documentType().name(), entry.documentId(), Formats.text(entry.businessKey()),
                Formats.text(entry.legalEntity()), Formats.text(entry.region()), Formats.text(entry.routedTo()),
                Formats.text(entry.status()), Formats.money(entry.amount()), Formats.text(entry.divergentSince()),
                String.join(" ", entry.divergences().stream().map(flag -> flag.flag().name()
                        + (flag.system() == null ? "" : "@" + flag.system())).toList()));
    }

    private ReconciliationFilter filter(String documentType, String region, String legalEntity, String system,
                                        String divergence, String divergentFor) {
        documentType = blankToNull(documentType);
        region = blankToNull(region);
        legalEntity = blankToNull(legalEntity);
        system = blankToNull(system);
        divergence = blankToNull(divergence);
        divergentFor = blankToNull(divergentFor);
        return new ReconciliationFilter(
                documentType == null ? null : DocumentType.valueOf(documentType.toUpperCase(Locale.ROOT)),
                region == null ? null : region.toUpperCase(Locale.ROOT),
                legalEntity == null ? null : LegalEntityId.of(legalEntity),
                system == null ? null : SystemId.of(system),
                divergence == null ? null : Divergence.valueOf(divergence.toUpperCase(Locale.ROOT)),
                divergentFor == null ? null : Duration.parse(divergentFor),
                clock.instant());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
