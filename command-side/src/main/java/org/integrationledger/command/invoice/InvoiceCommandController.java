package org.integrationledger.command.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.integrationledger.command.connector.ConnectorCommands;
import org.integrationledger.command.supplier.BankAccountProtection;
import org.integrationledger.command.connector.DerivedMessageIds;
import org.integrationledger.command.connector.FollowUpCommands;
import org.integrationledger.command.connector.OutcomeResponse;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.invoice.ReceiveInvoice;
import org.integrationledger.model.invoice.RecordDuplicateInvoiceSubmission;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.Set;

/**
 * Connector endpoints for invoice and payment facts. Each answers once the fact is durably recorded (or
 * refused): 200 with the outcome, or a problem document with a stable code.
 */
@RestController
@RequestMapping("/api/v1/invoices/{invoiceId}")
@Tag(name = "Invoices: connector commands")
class InvoiceCommandController {

    private static final Set<String> PROCUREMENT = Set.of("PROCUREMENT");
    private static final Set<String> ERP = Set.of("ERP");
    private static final Set<String> TAX = Set.of("TAX");
    private static final Set<String> TREASURY = Set.of("TREASURY");
    private static final Set<String> TREASURY_OR_ERP = Set.of("TREASURY", "ERP");
    private static final Set<String> PROCUREMENT_OR_ERP = Set.of("PROCUREMENT", "ERP");

    private final ConnectorCommands commands;
    private final InvoiceNumberClaims claims;
    private final FollowUpCommands followUps;
    private final BankAccountProtection protection;

    InvoiceCommandController(ConnectorCommands commands, InvoiceNumberClaims claims, FollowUpCommands followUps,
                             BankAccountProtection protection) {
        this.protection = protection;
        this.commands = commands;
        this.claims = claims;
        this.followUps = followUps;
    }

    @PostMapping("/receipt")
    @Operation(summary = "Procurement: a supplier invoice was received against a purchase order",
            description = "Checks duplicates (409 duplicate-invoice naming the original), matches against the order "
                    + "and its receipts, and raises match-variance or duplicate-suspicion exceptions.")
    ResponseEntity<CommandOutcome> receive(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.ReceiptRequest request,
            @Parameter(description = "groups the messages of one business conversation")
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        ReceiveInvoice command = request.toCommand(invoiceId);
        try {
            return send(command, correlationId, PROCUREMENT);
        } catch (RuleViolation violation) {
            if (violation.rejection().code() == ErrorCode.DUPLICATE_INVOICE) {
                recordCaught(command, correlationId);
            }
            throw violation;
        }
    }

    /**
     * The refused submission wrote nothing; the catch goes on the original's record, in its own transaction and
     * under a message id derived from the submission's, so a retried duplicate is recorded once. The claim table is
     * committed by now, so it names the original. Failing to record must not change the answer, the refusal.
     */
    private void recordCaught(ReceiveInvoice submission, String correlationId) {
        Optional<InvoiceNumberClaims.ClaimedInvoice> original = claims.holderOf(submission.supplier(),
                submission.supplierInvoiceNumber().normalized());
        if (original.isEmpty() || original.get().invoiceId().equals(submission.invoiceId())) {
            return;
        }
        followUps.sendAfterRefusal(new RecordDuplicateInvoiceSubmission(
                DerivedMessageIds.of("duplicate", submission.messageId()), submission.reportingSystem(),
                submission.occurredAt(), original.get().invoiceId(), submission.invoiceId(), submission.supplier(),
                submission.supplierInvoiceNumber(), submission.gross(), submission.submittedBy(),
                submission.messageId()), submission.messageId(), correlationId, ErrorCode.INVOICE_NOT_FOUND,
                PROCUREMENT);
    }

    @PostMapping("/tax-validations")
    @Operation(summary = "Tax engine: the invoice was validated, or failed with reason codes of its tax regime")
    ResponseEntity<CommandOutcome> reportTaxValidation(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.TaxValidationRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(invoiceId), correlationId, TAX);
    }

    @PostMapping("/exception-overrides")
    @Operation(summary = "An authorised approver (not the submitter) overrides an open exception with a reason")
    ResponseEntity<CommandOutcome> overrideException(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.OverrideRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(invoiceId), correlationId, PROCUREMENT_OR_ERP);
    }

    @PostMapping("/erp-postings")
    @Operation(summary = "Routed ERP: the invoice is posted (document number, fiscal period)",
            description = "Always recorded; a posting of an invoice that is neither matched nor overridden is "
                    + "recorded as a control violation.")
    ResponseEntity<CommandOutcome> acknowledgePosting(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.PostingAcknowledgmentRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(invoiceId), correlationId, ERP);
    }

    @PostMapping("/erp-rejections")
    @Operation(summary = "Routed ERP: posting the invoice was refused (raises a posting-failure exception)",
            description = "From another ERP: recorded and flagged WRONG_SYSTEM, without a posting failure.")
    ResponseEntity<CommandOutcome> rejectPosting(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.PostingRejectionRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(invoiceId), correlationId, ERP);
    }

    @PostMapping("/payment-schedules")
    @Operation(summary = "Treasury or ERP: a payment of the invoice was scheduled")
    ResponseEntity<CommandOutcome> schedulePayment(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.PaymentScheduleRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(invoiceId), correlationId, TREASURY_OR_ERP);
    }

    @PostMapping("/payments")
    @Operation(summary = "Treasury: a payment was executed (partial payments add up; overpayment is flagged)")
    ResponseEntity<CommandOutcome> recordPayment(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.PaymentExecutionRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(invoiceId, protection), correlationId, TREASURY);
    }

    @PostMapping("/payment-confirmation-deliveries")
    @Operation(summary = "Treasury or ERP: the confirmation of an executed payment was sent to procurement")
    ResponseEntity<CommandOutcome> recordConfirmationDelivery(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.ConfirmationDeliveryRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(invoiceId), correlationId, TREASURY_OR_ERP);
    }

    @PostMapping("/payment-confirmations")
    @Operation(summary = "Procurement: the confirmation of an executed payment reached procurement")
    ResponseEntity<CommandOutcome> acknowledgeConfirmation(@PathVariable String invoiceId,
            @Valid @RequestBody InvoiceRequests.ConfirmationAcknowledgmentRequest request,
            @RequestHeader(value = ConnectorCommands.CORRELATION_HEADER, required = false) String correlationId) {
        return send(request.toCommand(invoiceId), correlationId, PROCUREMENT);
    }

    private ResponseEntity<CommandOutcome> send(ConnectorMessage command, String correlationId,
                                                Set<String> owningKinds) {
        return OutcomeResponse.of(commands.send(command, correlationId, ErrorCode.INVOICE_NOT_FOUND, owningKinds));
    }
}
