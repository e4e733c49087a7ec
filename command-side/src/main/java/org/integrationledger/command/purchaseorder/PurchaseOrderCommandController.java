package org.integrationledger.command.purchaseorder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.integrationledger.command.connector.ConnectorCommands;
import org.integrationledger.command.connector.OutcomeResponse;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * Connector endpoints for purchase-order facts. Each answers once the fact is durably recorded (or refused):
 * 200 with the outcome, or a problem document with a stable code.
 */
@RestController
@RequestMapping("/api/v1/purchase-orders/{purchaseOrderId}")
@Tag(name = "Purchase orders: connector commands")
class PurchaseOrderCommandController {

    private static final Set<String> PROCUREMENT = Set.of("PROCUREMENT");
    private static final Set<String> ERP = Set.of("ERP");
    private static final Set<String> PROCUREMENT_OR_ERP = Set.of("PROCUREMENT", "ERP");

    private final ConnectorCommands commands;

    PurchaseOrderCommandController(ConnectorCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/requisition-approval")
    @Operation(summary = "Procurement: the requisition behind this order was approved")
    ResponseEntity<CommandOutcome> approveRequisition(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.RequisitionApprovalRequest request,
            @Parameter(description = "groups the messages of one business conversation")
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, PROCUREMENT);
    }

    @PostMapping("/issue")
    @Operation(summary = "Procurement: the order was issued (version 1)")
    ResponseEntity<CommandOutcome> issue(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.IssueRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, PROCUREMENT);
    }

    @PostMapping("/amendments")
    @Operation(summary = "Procurement: a new version of the order was issued")
    ResponseEntity<CommandOutcome> amend(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.AmendmentRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, PROCUREMENT);
    }

    @PostMapping("/erp-postings")
    @Operation(summary = "ERP: a version of the order is posted under an ERP document number",
            description = "Accepted even before procurement reports the order; a version older than the order's "
                    + "current one (or than one this ERP already acknowledged) is recorded as stale.")
    ResponseEntity<CommandOutcome> acknowledgePosting(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.PostingAcknowledgmentRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, ERP);
    }

    @PostMapping("/erp-rejections")
    @Operation(summary = "ERP: posting a version of the order was refused")
    ResponseEntity<CommandOutcome> rejectPosting(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.PostingRejectionRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, ERP);
    }

    @PostMapping("/goods-receipts")
    @Operation(summary = "Goods were received against lines of the order (partial receipts add up)",
            description = "From procurement or the order's routed ERP; from another ERP recorded and flagged "
                    + "WRONG_SYSTEM.")
    ResponseEntity<CommandOutcome> receiveGoods(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.GoodsReceiptRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, PROCUREMENT_OR_ERP);
    }

    @PostMapping("/goods-receipt-postings")
    @Operation(summary = "ERP: a goods receipt of the order is posted under an ERP document number",
            description = "Only an ERP reports it; from an ERP the order is not routed to it is recorded with "
                    + "notTheRoutedErp and flagged WRONG_SYSTEM, and a receipt number the ledger has not recorded on "
                    + "the order is recorded with receiptKnown false. Needs an issued order.")
    ResponseEntity<CommandOutcome> postGoodsReceipt(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.GoodsReceiptPostingRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, ERP);
    }

    @PostMapping("/cancellation")
    @Operation(summary = "Procurement: the order was cancelled")
    ResponseEntity<CommandOutcome> cancel(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.CancellationRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, PROCUREMENT);
    }

    @PostMapping("/closure")
    @Operation(summary = "Procurement: the order was closed")
    ResponseEntity<CommandOutcome> close(@PathVariable String purchaseOrderId,
            @Valid @RequestBody PurchaseOrderRequests.ClosureRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(purchaseOrderId), correlationId, PROCUREMENT);
    }

    private ResponseEntity<CommandOutcome> send(ConnectorMessage command, String correlationId,
                                                Set<String> owningKinds) {
        CommandOutcome outcome = commands.send(command, correlationId, ErrorCode.PURCHASE_ORDER_NOT_FOUND,
                owningKinds);
        return OutcomeResponse.of(outcome);
    }
}
