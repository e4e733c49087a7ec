package org.integrationledger.command.supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.integrationledger.command.connector.ConnectorCommands;
import org.integrationledger.command.connector.DerivedMessageIds;
import org.integrationledger.command.connector.FollowUpCommands;
import org.integrationledger.command.connector.OutcomeResponse;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.supplier.RecordDuplicateSupplierRequest;
import org.integrationledger.model.supplier.RequestSupplier;
import org.integrationledger.model.supplier.TaxId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * Connector endpoints for supplier facts. Golden-record changes are accepted from any configured system at the
 * door and refused by the aggregate's ownership rule, so a non-owner gets the one clear code
 * {@code not-golden-record-owner}.
 */
@RestController
@RequestMapping("/api/v1/suppliers/{supplierId}")
@Tag(name = "Suppliers: connector commands")
class SupplierCommandController {


    private static final Set<String> PROCUREMENT = Set.of("PROCUREMENT");
    private static final Set<String> ANY_KIND = Set.of("PROCUREMENT", "ERP", "MDM", "TAX", "TREASURY");
    private static final Set<String> COPY_HOLDERS = Set.of("PROCUREMENT", "ERP", "MDM");

    private final ConnectorCommands commands;
    private final BankAccountProtection protection;
    private final TaxIdClaims claims;
    private final FollowUpCommands followUps;

    SupplierCommandController(ConnectorCommands commands, BankAccountProtection protection, TaxIdClaims claims,
                              FollowUpCommands followUps) {
        this.commands = commands;
        this.protection = protection;
        this.claims = claims;
        this.followUps = followUps;
    }

    @PostMapping("/request")
    @Operation(summary = "Procurement: a new supplier is requested (tax ids, addresses, payment terms, bank account)",
            description = "The bank account number is masked and fingerprinted here and never stored in clear. "
                    + "A tax id already registered to another supplier answers 409 duplicate-supplier.")
    ResponseEntity<CommandOutcome> request(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.SupplierRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        RequestSupplier command = request.toCommand(supplierId, protection);
        try {
            return send(command, correlationId, PROCUREMENT);
        } catch (RuleViolation violation) {
            if (violation.rejection().code() == ErrorCode.DUPLICATE_SUPPLIER) {
                recordCaught(command, correlationId);
            }
            throw violation;
        }
    }

    @PostMapping("/approval")
    @Operation(summary = "Procurement: the supplier request was approved")
    ResponseEntity<CommandOutcome> approve(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.DecisionRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toApproval(supplierId), correlationId, PROCUREMENT);
    }

    @PostMapping("/rejection")
    @Operation(summary = "Procurement: the supplier request was rejected (reason required)")
    ResponseEntity<CommandOutcome> reject(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.DecisionRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toRejection(supplierId), correlationId, PROCUREMENT);
    }

    @PostMapping("/golden-record")
    @Operation(summary = "Owner: the golden record was created under the owner's vendor number (version 1)")
    ResponseEntity<CommandOutcome> createGoldenRecord(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.GoldenRecordRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(supplierId), correlationId, ANY_KIND);
    }

    @PostMapping("/changes")
    @Operation(summary = "Owner: golden-record fields changed (a new version, propagated to every target)")
    ResponseEntity<CommandOutcome> change(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.DetailsChangeRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(supplierId), correlationId, ANY_KIND);
    }

    @PostMapping("/bank-account-changes")
    @Operation(summary = "Owner: a bank-account change is proposed; no effect until a second person approves")
    ResponseEntity<CommandOutcome> proposeBankAccount(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.BankAccountProposalRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(supplierId, protection), correlationId, ANY_KIND);
    }

    @PostMapping("/bank-account-changes/approval")
    @Operation(summary = "Owner: a second, different person approves the pending bank-account change")
    ResponseEntity<CommandOutcome> approveBankAccount(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.BankAccountApprovalRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(supplierId), correlationId, ANY_KIND);
    }

    @PostMapping("/block")
    @Operation(summary = "Owner: the supplier is blocked (a new version, propagated)")
    ResponseEntity<CommandOutcome> block(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.BlockRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toBlock(supplierId), correlationId, ANY_KIND);
    }

    @PostMapping("/unblock")
    @Operation(summary = "Owner: the block is lifted (a new version, propagated)")
    ResponseEntity<CommandOutcome> unblock(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.BlockRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toUnblock(supplierId), correlationId, ANY_KIND);
    }

    @PostMapping("/acknowledgments")
    @Operation(summary = "Target system: it holds a version of the golden record under its own reference",
            description = "A version older than the golden record's current one (or than one this system already "
                    + "acknowledged) is recorded as stale.")
    ResponseEntity<CommandOutcome> acknowledge(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.AcknowledgmentRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(supplierId, protection), correlationId, COPY_HOLDERS);
    }

    @PostMapping("/propagation-failures")
    @Operation(summary = "Target system: a version of the golden record could not be applied, and why")
    ResponseEntity<CommandOutcome> fail(@PathVariable String supplierId,
            @Valid @RequestBody SupplierRequests.FailureRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(supplierId), correlationId, COPY_HOLDERS);
    }

    /**
     * The refused request wrote nothing; the catch itself goes on the holder's record, in its own transaction and
     * under a message id derived from the request's, so a retried duplicate is recorded once. Failing to record it
     * must not change the connector's answer, which is the refusal.
     */
    private void recordCaught(RequestSupplier request, String correlationId) {
        // The claim table is committed by now (the holder's request, or the winner of a race), so it names the
        // holder of each tax id the refused request carried.
        for (TaxId taxId : request.taxIds()) {
            claims.holderOf(taxId.normalized()).filter(holder -> !holder.equals(request.supplierId()))
                    .ifPresent(holder -> recordCaught(request, taxId, holder, correlationId));
        }
    }

    private void recordCaught(RequestSupplier request, TaxId taxId, SupplierId holder, String correlationId) {
        followUps.sendAfterRefusal(new RecordDuplicateSupplierRequest(
                DerivedMessageIds.of("duplicate-" + taxId.normalized(), request.messageId()),
                request.reportingSystem(), request.occurredAt(), holder, request.supplierId(), taxId,
                request.legalName(), request.requestedBy(), request.messageId()), request.messageId(), correlationId,
                ErrorCode.SUPPLIER_NOT_FOUND, PROCUREMENT);
    }

    private ResponseEntity<CommandOutcome> send(ConnectorMessage command, String correlationId,
                                                Set<String> owningKinds) {
        CommandOutcome outcome = commands.send(command, correlationId, ErrorCode.SUPPLIER_NOT_FOUND, owningKinds);
        return OutcomeResponse.of(outcome);
    }
}
