package org.integrationledger.command.invoice;

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
import org.integrationledger.model.invoice.AcknowledgeInvoicePosting;
import org.integrationledger.model.invoice.AcknowledgePaymentConfirmation;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.OverrideInvoiceException;
import org.integrationledger.model.invoice.ReceiveInvoice;
import org.integrationledger.model.invoice.RecordPaymentConfirmationDelivery;
import org.integrationledger.command.supplier.BankAccountProtection;
import org.integrationledger.model.invoice.RecordPaymentExecution;
import org.integrationledger.model.invoice.RejectInvoicePosting;
import org.integrationledger.model.invoice.ReportTaxValidation;
import org.integrationledger.model.invoice.ScheduleInvoicePayment;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.integrationledger.model.shared.ContractLimits.AMOUNT_SCALE;
import static org.integrationledger.model.shared.ContractLimits.MAX_INTEGER_DIGITS;
import static org.integrationledger.model.shared.ContractLimits.QUANTITY_SCALE;
import static org.integrationledger.model.shared.ContractLimits.UNIT_PRICE_SCALE;

/**
 * Request bodies of the invoice connector endpoints. Every body carries the connector's message id, the
 * reporting system and the business time; each maps to one canonical command.
 */
final class InvoiceRequests {

    private InvoiceRequests() {
    }

    // The purchase order has a request record of the same simple name: without its own schema name the OpenAPI
    // document would describe this body with the other one.
    @Schema(name = "InvoiceLineRequest")
    record LineRequest(
            @Min(1) int lineNumber,
            @Min(1) @Schema(description = "the purchase-order line this line bills") int purchaseOrderLine,
            @NotNull @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = QUANTITY_SCALE)
            BigDecimal quantity,
            @NotBlank @Size(max = 8) @Schema(example = "EA") String unitOfMeasure,
            @NotNull @DecimalMin("0")
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = UNIT_PRICE_SCALE) BigDecimal unitPrice,
            @NotBlank @Size(max = 16) @Schema(example = "S1") String taxCode) {

        InvoiceLine toLine(CurrencyCode currency) {
            return new InvoiceLine(lineNumber, purchaseOrderLine, new Quantity(quantity, unitOfMeasure),
                    new UnitPrice(unitPrice, currency), taxCode);
        }
    }

    record ReceiptRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String supplierId,
            @NotBlank @Size(max = 64) @Schema(example = "INV-2026-0042") String supplierInvoiceNumber,
            @NotNull LocalDate invoiceDate,
            @NotBlank @Size(max = 64) String purchaseOrderId,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") @Schema(example = "USD") String currency,
            @NotNull @DecimalMin("0")
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = AMOUNT_SCALE) BigDecimal netAmount,
            @NotNull @DecimalMin("0")
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = AMOUNT_SCALE) BigDecimal taxAmount,
            @NotNull @DecimalMin("0")
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = AMOUNT_SCALE) BigDecimal grossAmount,
            @NotBlank @Size(max = 128) @Schema(description = "who submitted the invoice; may not override its exceptions")
            String submittedBy,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull LineRequest> lines,
            @Size(max = 12) @Schema(description = "the legal entity the invoice is addressed to, when the channel "
                    + "reads it; optional (the order's otherwise). One other than the order's is recorded and labelled "
                    + "LEGAL_ENTITY_MISMATCH in the accruals report", example = "US01")
            String legalEntity) {

        ReceiveInvoice toCommand(String invoiceId) {
            CurrencyCode invoiceCurrency = RequestCurrencies.money(currency, "currency");
            return new ReceiveInvoice(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    InvoiceId.of(invoiceId), SupplierId.of(supplierId), SupplierInvoiceNumber.of(supplierInvoiceNumber),
                    invoiceDate, PurchaseOrderId.of(purchaseOrderId),
                    lines.stream().map(line -> line.toLine(invoiceCurrency)).toList(),
                    new Money(netAmount, invoiceCurrency), new Money(taxAmount, invoiceCurrency),
                    new Money(grossAmount, invoiceCurrency), submittedBy,
                    legalEntity == null ? null : LegalEntityId.of(legalEntity));
        }
    }

    record TaxValidationRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "TAX_ENGINE") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotNull Boolean valid,
            @Size(max = 20) @Schema(description = "required when valid is false; codes configured for the tax regime")
            List<@NotBlank @Size(max = 64) String> reasonCodes,
            @Size(max = 500) String detail) {

        ReportTaxValidation toCommand(String invoiceId) {
            return new ReportTaxValidation(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    InvoiceId.of(invoiceId), valid, reasonCodes, detail);
        }
    }

    record OverrideRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotNull ExceptionKind kind,
            @NotBlank @Size(max = 128) String approvedBy,
            @NotBlank @Size(max = 500) String reason) {

        OverrideInvoiceException toCommand(String invoiceId) {
            return new OverrideInvoiceException(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    InvoiceId.of(invoiceId), kind, approvedBy, reason);
        }
    }

    // Own schema name: see InvoiceLineRequest.
    @Schema(name = "InvoicePostingAcknowledgmentRequest")
    record PostingAcknowledgmentRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_NA") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String erpDocumentNumber,
            @NotBlank @Size(max = 16) @Schema(example = "2026-11") String fiscalPeriod) {

        AcknowledgeInvoicePosting toCommand(String invoiceId) {
            return new AcknowledgeInvoicePosting(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    InvoiceId.of(invoiceId), erpDocumentNumber, fiscalPeriod);
        }
    }

    // Own schema name: see InvoiceLineRequest.
    @Schema(name = "InvoicePostingRejectionRequest")
    record PostingRejectionRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_EMEA") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String reasonCode,
            @NotBlank @Size(max = 500) String reason) {

        RejectInvoicePosting toCommand(String invoiceId) {
            return new RejectInvoicePosting(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    InvoiceId.of(invoiceId), reasonCode, reason);
        }
    }

    record PaymentScheduleRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "TREASURY") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String paymentReference,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") @Schema(example = "USD") String currency,
            @NotNull @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = AMOUNT_SCALE)
            BigDecimal amount,
            @NotNull LocalDate dueDate) {

        ScheduleInvoicePayment toCommand(String invoiceId) {
            return new ScheduleInvoicePayment(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    InvoiceId.of(invoiceId), paymentReference, new Money(amount, RequestCurrencies.money(currency, "currency")), dueDate);
        }
    }

    record PaymentExecutionRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "TREASURY") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String paymentReference,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") @Schema(example = "USD") String currency,
            @NotNull @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = MAX_INTEGER_DIGITS, fraction = AMOUNT_SCALE)
            BigDecimal amount,
            @NotNull LocalDate valueDate,
            @Schema(description = "the beneficiary's account number as paid (IBAN or local); kept only masked and"
                    + " fingerprinted, compared with the supplier's golden record. Optional so that connectors built"
                    + " before it keep working; a payment without it is flagged for review"
                    + " (BENEFICIARY_NOT_REPORTED)", example = "DE89370400440532013000")
            @Size(min = 1, max = 42) String beneficiaryAccountNumber) {

        RecordPaymentExecution toCommand(String invoiceId, BankAccountProtection protection) {
            return new RecordPaymentExecution(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    InvoiceId.of(invoiceId), paymentReference, new Money(amount, RequestCurrencies.money(currency, "currency")),
                    valueDate, beneficiaryAccountNumber == null ? null : protection.protect(beneficiaryAccountNumber));
        }

        /** Never the clear account number, so a logged or traced request cannot leak it. */
        @Override
        public String toString() {
            return "PaymentExecutionRequest[messageId=" + messageId + ", paymentReference=" + paymentReference
                    + ", beneficiaryAccountNumber=[protected]]";
        }
    }

    record ConfirmationDeliveryRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "TREASURY") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String paymentReference) {

        RecordPaymentConfirmationDelivery toCommand(String invoiceId) {
            return new RecordPaymentConfirmationDelivery(MessageId.of(messageId), SystemId.of(reportingSystem),
                    occurredAt, InvoiceId.of(invoiceId), paymentReference);
        }
    }

    record ConfirmationAcknowledgmentRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String paymentReference) {

        AcknowledgePaymentConfirmation toCommand(String invoiceId) {
            return new AcknowledgePaymentConfirmation(MessageId.of(messageId), SystemId.of(reportingSystem),
                    occurredAt, InvoiceId.of(invoiceId), paymentReference);
        }
    }
}
