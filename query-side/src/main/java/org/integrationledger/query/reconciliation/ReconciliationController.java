package org.integrationledger.query.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.reconciliation.CaughtDuplicatePage;
import org.integrationledger.model.reconciliation.CountDivergences;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DivergenceCounts;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.FindCaughtDuplicates;
import org.integrationledger.model.reconciliation.FindReconciliationEntries;
import org.integrationledger.model.reconciliation.FindReconciliationEntry;
import org.integrationledger.model.reconciliation.FindTrace;
import org.integrationledger.model.reconciliation.ReconciliationEntry;
import org.integrationledger.model.reconciliation.ReconciliationFilter;
import org.integrationledger.model.reconciliation.ReconciliationPage;
import org.integrationledger.model.reconciliation.Trace;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.query.QueryProblems;

import static org.integrationledger.query.QueryParameters.duration;
import static org.integrationledger.query.QueryParameters.enumValue;
import static org.integrationledger.query.QueryParameters.instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Locale;

/**
 * Read API of the reconciliation view and the end-to-end trace: where each document sits in each system, which
 * divergences are open and for how long, counts for dashboards, and the whole chain of a purchase order.
 */
@RestController
@Tag(name = "Reconciliation and trace")
class ReconciliationController {

    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    ReconciliationController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/reconciliation")
    @Operation(summary = "Documents with every system's position side by side and their open divergences",
            description = "Filtered by divergence, system or age: oldest divergence first. Otherwise most recent "
                    + "business activity first. Questions 1 to 4 of docs/questions.md are requests here. totalItems counts "
                    + "matches up to ledger.query.total-count-limit; totalExact is false when more matched. Selected by "
                    + "divergence, the total is exact past that limit (kept counts), except with a divergentFor under "
                    + "which more than the limit of matching divergences are younger.")
    ReconciliationPage list(
            @Parameter(description = "SUPPLIER, PURCHASE_ORDER, INVOICE or PAYMENT") @RequestParam(required = false) String documentType,
            @Parameter(description = "NA, EMEA or GLOBAL") @RequestParam(required = false) String region,
            @Parameter(description = "legal entity, e.g. DE01") @RequestParam(required = false) String legalEntity,
            @Parameter(description = "system a divergence concerns, e.g. ERP_EMEA") @RequestParam(required = false) String system,
            @Parameter(description = "NOT_ACKNOWLEDGED, VERSION_BEHIND, AMOUNT_MISMATCH, STATUS_MISMATCH, "
                    + "KNOWN_ONLY_DOWNSTREAM, WRONG_SYSTEM, REJECTED, BANK_ACCOUNT_MISMATCH, RECEIVED_BEYOND_ORDER")
            @RequestParam(required = false) String divergence,
            @Parameter(description = "ISO-8601 duration: only divergences open at least this long, e.g. PT30M")
            @RequestParam(required = false) String divergentFor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ReconciliationFilter filter = filter(documentType, region, legalEntity, system, divergence, divergentFor);
        return queries.query(new FindReconciliationEntries(filter, new PageRequest(page, size)),
                ResponseTypes.instanceOf(ReconciliationPage.class)).join();
    }

    @GetMapping("/api/v1/reconciliation/counts")
    @Operation(summary = "Open divergences counted by divergence × region × system × document type",
            description = "Takes the same filters as the list; for dashboards. Exact, read from counts the projection "
                    + "keeps (docs/reconciliation.md); a divergentFor filter counts the open divergences themselves.")
    DivergenceCounts counts(
            @RequestParam(required = false) String documentType,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String legalEntity,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String divergence,
            @RequestParam(required = false) String divergentFor) {
        ReconciliationFilter filter = filter(documentType, region, legalEntity, system, divergence, divergentFor);
        return queries.query(new CountDivergences(filter), ResponseTypes.instanceOf(DivergenceCounts.class)).join();
    }

    @GetMapping("/api/v1/reconciliation/duplicates")
    @Operation(summary = "Duplicates caught and what happened to them, newest first (question 8)",
            description = "Exact duplicates were refused and are recorded on the document they duplicated; "
                    + "suspected ones were accepted and raised as exceptions, with their resolution as outcome.")
    CaughtDuplicatePage duplicates(
            @Parameter(description = "SUPPLIER or INVOICE") @RequestParam(required = false) String documentType,
            @Parameter(description = "the original or the would-be duplicate, e.g. SUP-2026-0001")
            @RequestParam(required = false) String documentId,
            @Parameter(description = "ISO-8601 instant: caught (business time) at or after")
            @RequestParam(required = false) String caughtSince,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        FindCaughtDuplicates query = new FindCaughtDuplicates(
                documentType == null ? null : enumValue(DocumentType.class, "documentType", documentType), documentId,
                caughtSince == null ? null : instant("caughtSince", caughtSince), new PageRequest(page, size));
        return queries.query(query, ResponseTypes.instanceOf(CaughtDuplicatePage.class)).join();
    }

    @GetMapping("/api/v1/reconciliation/{documentType}/{documentId}")
    @Operation(summary = "One document across systems")
    ReconciliationEntry one(@PathVariable String documentType, @PathVariable String documentId) {
        DocumentType type = enumValue(DocumentType.class, "documentType", documentType);
        return queries.query(new FindReconciliationEntry(type, documentId, clock.instant()),
                        ResponseTypes.optionalInstanceOf(ReconciliationEntry.class)).join()
                .orElseThrow(() -> QueryProblems.notFound(ErrorCode.RECONCILIATION_ENTRY_NOT_FOUND,
                        "the reconciliation view holds no " + type + " " + documentId));
    }

    @GetMapping("/api/v1/trace/{businessKey}")
    @Operation(summary = "The end-to-end trace of a purchase order (or a supplier or invoice), by business time",
            description = "Every recorded step of the order, of its invoices with their payments and confirmations, "
                    + "and of the supplier record it used up to its last step, each with recorded time, reporting "
                    + "system, connector, message, correlation and causation ids. Question 5.")
    Trace trace(@PathVariable String businessKey) {
        return trace(new FindTrace(businessKey, null), "no recorded step belongs to business key " + businessKey);
    }

    @GetMapping("/api/v1/trace")
    @Operation(summary = "Every step recorded under one correlation id (X-Correlation-Id of the connector calls)")
    Trace traceByCorrelation(@RequestParam String correlationId) {
        return trace(new FindTrace(null, correlationId), "no recorded step carries correlation id " + correlationId);
    }

    private Trace trace(FindTrace query, String notFound) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(Trace.class)).join()
                .orElseThrow(() -> QueryProblems.notFound(ErrorCode.TRACE_NOT_FOUND, notFound));
    }

    private ReconciliationFilter filter(String documentType, String region, String legalEntity, String system,
                                        String divergence, String divergentFor) {
        return new ReconciliationFilter(
                documentType == null ? null : enumValue(DocumentType.class, "documentType", documentType),
                region == null ? null : region.toUpperCase(Locale.ROOT),
                legalEntity == null ? null : LegalEntityId.of(legalEntity),
                system == null ? null : SystemId.of(system),
                divergence == null ? null : enumValue(Divergence.class, "divergence", divergence),
                divergentFor == null ? null : duration("divergentFor", divergentFor),
                clock.instant());
    }
}
