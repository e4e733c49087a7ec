package org.integrationledger.query.purchaseorder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.FindPurchaseOrder;
import org.integrationledger.model.purchaseorder.ListPurchaseOrders;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderPage;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.query.QueryProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API of the purchase-order view. Answers reflect events up to the projection's position, normally
 * milliseconds behind the command side; {@code lastRecordedAt} tells how fresh a row is.
 */
@RestController
@RequestMapping("/api/v1/purchase-orders")
@Tag(name = "Purchase orders: views")
class PurchaseOrderQueryController {

    private final QueryGateway queries;

    PurchaseOrderQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{purchaseOrderId}")
    @Operation(summary = "One purchase order in procurement and in its ERP")
    PurchaseOrderSummary find(@PathVariable String purchaseOrderId) {
        PurchaseOrderId id = PurchaseOrderId.of(purchaseOrderId);
        return queries.query(new FindPurchaseOrder(id), ResponseTypes.optionalInstanceOf(PurchaseOrderSummary.class))
                .join()
                .orElseThrow(() -> QueryProblems.notFound(ErrorCode.PURCHASE_ORDER_NOT_FOUND,
                        "no purchase order " + id + " is known to the ledger"));
    }

    @GetMapping
    @Operation(summary = "Purchase orders, newest business activity first, filtered and paged",
            description = "totalItems counts matches up to ledger.query.total-count-limit; totalExact is false when "
                    + "more matched.")
    PurchaseOrderPage list(
            @RequestParam(required = false) ProcurementStatus procurementStatus,
            @RequestParam(required = false) ErpPostingStatus erpStatus,
            @Parameter(description = "the ERP the order is routed to, e.g. ERP_NA")
            @RequestParam(required = false) String erp,
            @RequestParam(required = false) String legalEntity,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ListPurchaseOrders query = new ListPurchaseOrders(procurementStatus, erpStatus,
                erp == null ? null : SystemId.of(erp), legalEntity == null ? null : LegalEntityId.of(legalEntity),
                new PageRequest(page, size));
        return queries.query(query, ResponseTypes.instanceOf(PurchaseOrderPage.class)).join();
    }
}
