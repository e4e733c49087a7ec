package org.integrationledger.command.purchaseorder;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.integrationledger.command.connector.RequestCurrencies;
import org.integrationledger.model.purchaseorder.AcknowledgePurchaseOrderPosting;
import org.integrationledger.model.purchaseorder.AmendPurchaseOrder;
import org.integrationledger.model.purchaseorder.CancelPurchaseOrder;
import org.integrationledger.model.purchaseorder.ClosePurchaseOrder;
import org.integrationledger.model.purchaseorder.ClosureReason;
import org.integrationledger.model.purchaseorder.IssuePurchaseOrder;
import org.integrationledger.model.purchaseorder.PostGoodsReceiptInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.purchaseorder.ReceiveGoods;
import org.integrationledger.model.purchaseorder.RecordRequisitionApproval;
import org.integrationledger.model.purchaseorder.RejectPurchaseOrderPosting;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.ErpDocumentStatus;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.integrationledger.model.shared.ContractLimits.AMOUNT_SCALE;
import static org.integrationledger.model.shared.ContractLimits.MAX_INTEGER_DIGITS;
import static org.integrationledger.model.shared.ContractLimits.QUANTITY_SCALE;
import static org.integrationledger.model.shared.ContractLimits.UNIT_PRICE_SCALE;

/**
 * Request bodies of the purchase-order connector endpoints. Every body carries the connector's message id,
 * the reporting system and the business time; each maps to one canonical command.
 */
final class PurchaseOrderRequests {

    private PurchaseOrderRequests() {
    }

    record RequisitionApprovalRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String requisitionNumber,
            @NotBlank @Size(max = 128) String approvedBy,
            @NotBlank @Size(max = 12) @Schema(example = "US01") String legalEntity) {

        RecordRequisitionApproval toCommand(String purchaseOrderId) {
            return new RecordRequisitionApproval(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    PurchaseOrderId.of(purchaseOrderId), requisitionNumber, approvedBy,
                    LegalEntityId.of(legalEntity));
        }
    }

    record LineRequest(
            @Min(1) int lineNumber,
            @NotBlank @Size(max = 240) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = QUANTITY_SCALE)
            BigDecimal quantity,
            @NotBlank @Size(max = 8) @Schema(example = "EA") String unitOfMeasure,
            @NotNull @DecimalMin("0")
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = UNIT_PRICE_SCALE) BigDecimal unitPrice,
            @Schema(description = "false for services, which need no goods receipt", defaultValue = "true")
            Boolean goodsReceiptRequired) {

        PurchaseOrderLine toLine(CurrencyCode currency) {
            return new PurchaseOrderLine(lineNumber, description, new Quantity(quantity, unitOfMeasure),
                    new UnitPrice(unitPrice, currency), goodsReceiptRequired == null || goodsReceiptRequired);
        }
    }

    record IssueRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String supplierId,
            @NotBlank @Size(max = 12) @Schema(example = "US01") String legalEntity,
            @Size(max = 64) String requisitionNumber,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") @Schema(example = "USD") String currency,
            @NotNull @DecimalMin("0")
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = AMOUNT_SCALE) BigDecimal totalAmount,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull LineRequest> lines) {

        IssuePurchaseOrder toCommand(String purchaseOrderId) {
            CurrencyCode orderCurrency = RequestCurrencies.money(currency, "currency");
            return new IssuePurchaseOrder(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    PurchaseOrderId.of(purchaseOrderId), SupplierId.of(supplierId), LegalEntityId.of(legalEntity),
                    requisitionNumber, lines.stream().map(line -> line.toLine(orderCurrency)).toList(),
                    new Money(totalAmount, orderCurrency));
        }
    }

    record AmendmentRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @Min(2) int version,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") @Schema(example = "USD") String currency,
            @NotNull @DecimalMin("0")
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = AMOUNT_SCALE) BigDecimal totalAmount,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull LineRequest> lines,
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "optimistic lock: the ledgerVersion the sender last saw; 409 if it moved on")
            Long expectedLedgerVersion) {

        AmendPurchaseOrder toCommand(String purchaseOrderId) {
            CurrencyCode orderCurrency = RequestCurrencies.money(currency, "currency");
            return new AmendPurchaseOrder(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    PurchaseOrderId.of(purchaseOrderId), version,
                    lines.stream().map(line -> line.toLine(orderCurrency)).toList(),
                    new Money(totalAmount, orderCurrency), reason, expectedLedgerVersion);
        }
    }

    record PostingAcknowledgmentRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_NA") String reportingSystem,
            @NotNull Instant occurredAt,
            @Min(1) int version,
            @NotBlank @Size(max = 64) String erpDocumentNumber,
            @Schema(description = "optional: the total the ERP holds, compared with procurement's for this version")
            @DecimalMin("0") @Digits(integer = MAX_INTEGER_DIGITS, fraction = AMOUNT_SCALE) BigDecimal postedTotal,
            @Pattern(regexp = "[A-Z]{3}")
            @Schema(description = "currency of postedTotal; required with it", example = "USD") String currency,
            @Schema(description = "optional: the document's status in the ERP (OPEN when not given)")
            ErpDocumentStatus erpStatus) {

        AcknowledgePurchaseOrderPosting toCommand(String purchaseOrderId) {
            if ((postedTotal == null) != (currency == null)) {
                throw new IllegalArgumentException("postedTotal and currency go together: send both or neither");
            }
            Money total = postedTotal == null ? null
                    : new Money(postedTotal, RequestCurrencies.money(currency, "currency"));
            return new AcknowledgePurchaseOrderPosting(MessageId.of(messageId), SystemId.of(reportingSystem),
                    occurredAt, PurchaseOrderId.of(purchaseOrderId), version, erpDocumentNumber, total, erpStatus);
        }
    }

    record PostingRejectionRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_EMEA") String reportingSystem,
            @NotNull Instant occurredAt,
            @Min(1) int version,
            @NotBlank @Size(max = 64) String reasonCode,
            @NotBlank @Size(max = 500) String reason) {

        RejectPurchaseOrderPosting toCommand(String purchaseOrderId) {
            return new RejectPurchaseOrderPosting(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    PurchaseOrderId.of(purchaseOrderId), version, reasonCode, reason);
        }
    }

    record ReceiptLineRequest(
            @Min(1) int lineNumber,
            @NotNull @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = QUANTITY_SCALE)
            BigDecimal quantity,
            @NotBlank @Size(max = 8) String unitOfMeasure) {
    }

    record GoodsReceiptRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String receiptNumber,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull ReceiptLineRequest> lines) {

        ReceiveGoods toCommand(String purchaseOrderId) {
            return new ReceiveGoods(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    PurchaseOrderId.of(purchaseOrderId), receiptNumber, lines.stream()
                    .map(line -> new ReceiptLine(line.lineNumber(), new Quantity(line.quantity(), line.unitOfMeasure())))
                    .toList());
        }
    }

    record GoodsReceiptPostingRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_EMEA") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) @Schema(description = "the goods receipt's number, as on the receipt")
            String receiptNumber,
            @NotBlank @Size(max = 64) String erpDocumentNumber) {

        PostGoodsReceiptInErp toCommand(String purchaseOrderId) {
            return new PostGoodsReceiptInErp(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    PurchaseOrderId.of(purchaseOrderId), receiptNumber, erpDocumentNumber);
        }
    }

    record CancellationRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 500) String reason,
            Long expectedLedgerVersion) {

        CancelPurchaseOrder toCommand(String purchaseOrderId) {
            return new CancelPurchaseOrder(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    PurchaseOrderId.of(purchaseOrderId), reason, expectedLedgerVersion);
        }
    }

    record ClosureRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @Schema(description = "COMPLETED (the default) or SHORT_CLOSED") ClosureReason reason,
            Long expectedLedgerVersion) {

        ClosePurchaseOrder toCommand(String purchaseOrderId) {
            return new ClosePurchaseOrder(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    PurchaseOrderId.of(purchaseOrderId), reason, expectedLedgerVersion);
        }
    }
}
