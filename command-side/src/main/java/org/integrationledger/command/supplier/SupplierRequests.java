package org.integrationledger.command.supplier;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.AcknowledgeSupplierCopy;
import org.integrationledger.model.supplier.Address;
import org.integrationledger.model.supplier.ApproveBankAccountChange;
import org.integrationledger.model.supplier.ApproveSupplierRequest;
import org.integrationledger.model.supplier.BlockSupplier;
import org.integrationledger.model.supplier.ChangeSupplierDetails;
import org.integrationledger.model.supplier.CreateGoldenRecord;
import org.integrationledger.model.supplier.ProposeBankAccountChange;
import org.integrationledger.model.supplier.RejectSupplierRequest;
import org.integrationledger.model.supplier.ReportSupplierPropagationFailure;
import org.integrationledger.model.supplier.RequestSupplier;
import org.integrationledger.model.supplier.TaxId;
import org.integrationledger.model.supplier.UnblockSupplier;

import java.time.Instant;
import java.util.List;

/**
 * Request bodies of the supplier connector endpoints. Bodies with a clear bank account number are mapped
 * through {@link BankAccountProtection}, and their {@code toString} hides the number, so it cannot leak into
 * a log line.
 */
final class SupplierRequests {

    private static final String HIDDEN = "[protected]";

    private SupplierRequests() {
    }

    record TaxIdRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,15}") @Schema(example = "VAT") String scheme,
                        @NotBlank @Pattern(regexp = "[A-Z]{2}") @Schema(example = "DE") String country,
                        @NotBlank @Size(max = 32) @Schema(example = "DE123456789") String value) {
        TaxId toTaxId() {
            return new TaxId(scheme, country, value);
        }
    }

    record AddressRequest(@NotBlank @Size(max = 32) @Schema(example = "REMIT_TO") String purpose,
                          @NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
                          @NotBlank @Size(max = 20) String postalCode,
                          @NotBlank @Pattern(regexp = "[A-Z]{2}") @Schema(example = "DE") String country) {
        Address toAddress() {
            return new Address(purpose, street, city, postalCode, country);
        }
    }

    record SupplierRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 200) String legalName,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull TaxIdRequest> taxIds,
            @Size(max = 10) List<@Valid @NotNull AddressRequest> addresses,
            @NotBlank @Size(max = 32) @Schema(example = "NET30") String paymentTerms,
            @NotBlank @Size(max = 42) @Schema(description = "IBAN or account number; stored only masked and fingerprinted",
                    example = "DE89370400440532013000") String bankAccountNumber,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 12) String> requestingLegalEntities,
            @NotBlank @Size(max = 128) String requestedBy) {

        RequestSupplier toCommand(String supplierId, BankAccountProtection protection) {
            return new RequestSupplier(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), legalName, taxIds.stream().map(TaxIdRequest::toTaxId).toList(),
                    addresses == null ? List.of() : addresses.stream().map(AddressRequest::toAddress).toList(),
                    paymentTerms, protection.protect(bankAccountNumber),
                    requestingLegalEntities.stream().map(LegalEntityId::of).toList(), requestedBy);
        }

        @Override
        public String toString() {
            return "SupplierRequest[messageId=" + messageId + ", legalName=" + legalName + ", bankAccountNumber="
                    + HIDDEN + "]";
        }
    }

    record DecisionRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "PROCUREMENT") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 128) String decidedBy,
            @Size(max = 500) String reason) {

        ApproveSupplierRequest toApproval(String supplierId) {
            return new ApproveSupplierRequest(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), decidedBy);
        }

        RejectSupplierRequest toRejection(String supplierId) {
            return new RejectSupplierRequest(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), decidedBy, reason);
        }
    }

    record GoldenRecordRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_NA") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 64) String vendorNumber) {

        CreateGoldenRecord toCommand(String supplierId) {
            return new CreateGoldenRecord(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), vendorNumber);
        }
    }

    record DetailsChangeRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_NA") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 200) String legalName,
            @Size(max = 10) List<@Valid @NotNull AddressRequest> addresses,
            @NotBlank @Size(max = 32) String paymentTerms,
            @NotBlank @Size(max = 128) String changedBy) {

        ChangeSupplierDetails toCommand(String supplierId) {
            return new ChangeSupplierDetails(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), legalName,
                    addresses == null ? List.of() : addresses.stream().map(AddressRequest::toAddress).toList(),
                    paymentTerms, changedBy);
        }
    }

    record BankAccountProposalRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_NA") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 42) String bankAccountNumber,
            @NotBlank @Size(max = 128) String proposedBy) {

        ProposeBankAccountChange toCommand(String supplierId, BankAccountProtection protection) {
            return new ProposeBankAccountChange(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), protection.protect(bankAccountNumber), proposedBy);
        }

        @Override
        public String toString() {
            return "BankAccountProposalRequest[messageId=" + messageId + ", bankAccountNumber=" + HIDDEN + "]";
        }
    }

    record BankAccountApprovalRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_NA") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 128) String approvedBy) {

        ApproveBankAccountChange toCommand(String supplierId) {
            return new ApproveBankAccountChange(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), approvedBy);
        }
    }

    record BlockRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_NA") String reportingSystem,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 500) String reason) {

        BlockSupplier toBlock(String supplierId) {
            return new BlockSupplier(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), reason);
        }

        UnblockSupplier toUnblock(String supplierId) {
            return new UnblockSupplier(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), reason);
        }
    }

    record AcknowledgmentRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_EMEA") String reportingSystem,
            @NotNull Instant occurredAt,
            @Min(1) int version,
            @NotBlank @Size(max = 64) @Schema(description = "the system's own id of its copy, e.g. its vendor number")
            String reference,
            @Size(max = 42) @Schema(description = "optional: the account the copy holds, compared by fingerprint only")
            String bankAccountNumber) {

        AcknowledgeSupplierCopy toCommand(String supplierId, BankAccountProtection protection) {
            return new AcknowledgeSupplierCopy(MessageId.of(messageId), SystemId.of(reportingSystem), occurredAt,
                    SupplierId.of(supplierId), version, reference,
                    bankAccountNumber == null || bankAccountNumber.isBlank() ? null
                            : protection.protect(bankAccountNumber));
        }

        @Override
        public String toString() {
            return "AcknowledgmentRequest[messageId=" + messageId + ", version=" + version + ", reference="
                    + reference + ", bankAccountNumber=" + HIDDEN + "]";
        }
    }

    record FailureRequest(
            @NotBlank @Size(max = 128) String messageId,
            @NotBlank @Size(max = 32) @Schema(example = "ERP_EMEA") String reportingSystem,
            @NotNull Instant occurredAt,
            @Min(1) int version,
            @NotBlank @Size(max = 500) String reason) {

        ReportSupplierPropagationFailure toCommand(String supplierId) {
            return new ReportSupplierPropagationFailure(MessageId.of(messageId), SystemId.of(reportingSystem),
                    occurredAt, SupplierId.of(supplierId), version, reason);
        }
    }
}
