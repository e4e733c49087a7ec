package org.integrationledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.query.QueryProblems;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Purchase-order state as the ledger knew it at a past recorded instant (e.g. quarter close), rebuilt from the
 * event history by the live view's rules. The time axis is recorded time; business time only shows in the
 * answer's fields. The reconciliation view does not exist yet, so the purchase-order list stands in for it.
 */
@RestController
@RequestMapping("/api/v1/audit/purchase-orders")
@Tag(name = "Audit: as-of state")
class AuditAsOfController {

    private static final String AXIS = "Time axis: recorded time. The answer is rebuilt from exactly the events "
            + "whose recordedAt (the ledger's Axon event timestamp, millisecond precision) is <= recordedAt, "
            + "applied by the same rules as the live view. A fact that happened earlier in business time "
            + "(occurredAt) but was reported after the instant is not in the answer: it was not known then. ";

    private final AsOfReplays replays;

    AuditAsOfController(AsOfReplays replays) {
        this.replays = replays;
    }

    @GetMapping("/{purchaseOrderId}/as-of")
    @Transactional(readOnly = true)
    @Operation(summary = "One purchase order as the ledger knew it at a past recorded instant",
            description = AXIS + "404 purchase-order-not-found when no event of the order was recorded by then.")
    PurchaseOrderSummary purchaseOrder(
            @PathVariable String purchaseOrderId,
            @Parameter(description = "ISO-8601 instant on the recorded-time axis, e.g. 2026-09-30T23:59:59Z")
            @RequestParam Instant recordedAt) {
        PurchaseOrderId id = PurchaseOrderId.of(purchaseOrderId);
        return replays.purchaseOrder(id, recordedAt).orElseThrow(() -> QueryProblems.notFound(
                ErrorCode.PURCHASE_ORDER_NOT_FOUND, "no event of purchase order " + id + " was recorded by "
                        + recordedAt));
    }

    @GetMapping("/as-of")
    @Transactional(readOnly = true)
    @Operation(summary = "What was known as of a past recorded instant: the purchase-order list rebuilt for it",
            description = AXIS + "Filters and order match GET /api/v1/purchase-orders (erp = routed ERP; newest "
                    + "business activity first). Compare it with today's list to see what changed since. It "
                    + "replays every purchase-order event up to the instant on each call.")
    PurchaseOrdersAsOf purchaseOrders(
            @Parameter(description = "ISO-8601 instant on the recorded-time axis, e.g. 2026-09-30T23:59:59Z")
            @RequestParam Instant recordedAt,
            @RequestParam(required = false) ProcurementStatus procurementStatus,
            @RequestParam(required = false) ErpPostingStatus erpStatus,
            @RequestParam(required = false) String legalEntity,
            @Parameter(description = "the ERP the order is routed to, e.g. ERP_NA")
            @RequestParam(required = false) String erp,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return replays.purchaseOrders(recordedAt, procurementStatus, erpStatus,
                legalEntity == null ? null : LegalEntityId.of(legalEntity),
                erp == null ? null : SystemId.of(erp), new PageRequest(page, size));
    }
}
