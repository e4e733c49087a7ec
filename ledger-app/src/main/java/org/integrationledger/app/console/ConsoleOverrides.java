package org.integrationledger.app.console;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.OverrideInvoiceException;
import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Rejection;
import org.integrationledger.model.shared.SystemId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * An approver's override from the console, sent as the {@link OverrideInvoiceException} command through Axon's
 * command gateway: the Invoice aggregate checks it with the same {@code OverrideAuthority} as an override sent
 * through the API (an approver of the invoice's queue, never its submitter), and the ledger's message idempotency
 * counts a resent form once. The console is no connector, so the API's system-ownership and API-key checks do not
 * apply; it reports as {@link #CONSOLE_SYSTEM}, sent by the connector {@code console:<user name>}.
 */
@Component
@ConditionalOnProperty(name = "ledger.command-side.enabled", havingValue = "true", matchIfMissing = true)
class ConsoleOverrides {

    /**
     * The system an override made in the console is recorded as reported by. It is the ledger's own console, not a
     * system of record in {@code ledger.reference.systems}, so no connector's key can be bound to it.
     */
    static final SystemId CONSOLE_SYSTEM = SystemId.of("LEDGER_CONSOLE");
    /** The width of {@code connector_message.connector_id}. */
    static final int CONNECTOR_ID_MAX = 64;

    private final CommandGateway gateway;

    ConsoleOverrides(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** The connector id a console user's commands carry, in the audit trail and the idempotency table. */
    static String connectorOf(String user) {
        return "console:" + user;
    }

    /** Sends the override and answers what the ledger recorded, or the rule that refused it (then nothing is written). */
    Outcome override(String user, String approverId, MessageId messageId, Instant occurredAt, InvoiceId invoice,
                     ExceptionKind kind, String reason) {
        OverrideInvoiceException command;
        try {
            command = new OverrideInvoiceException(messageId, CONSOLE_SYSTEM, occurredAt, invoice, kind, approverId,
                    reason == null ? null : reason.strip());
        } catch (ContractViolation e) {
            return new Outcome.Refused(e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // The command's own shape checks (a reason is required, at most 500 characters).
            return new Outcome.Refused(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
        MetaData metaData = MetaData.with(LedgerMetadata.CONNECTOR_ID, connectorOf(user))
                .and(LedgerMetadata.MESSAGE_ID, messageId.value())
                .and(LedgerMetadata.REPORTING_SYSTEM, CONSOLE_SYSTEM.value())
                .and(LedgerMetadata.CORRELATION_ID, messageId.value());
        try {
            CommandOutcome outcome = gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            return new Outcome.Recorded(outcome);
        } catch (RuleViolation e) {
            return new Outcome.Refused(e.rejection().code(), e.rejection().detail());
        } catch (AggregateNotFoundException e) {
            return new Outcome.Refused(ErrorCode.INVOICE_NOT_FOUND, "no invoice " + invoice + " is known to the ledger");
        } catch (ConflictingModificationException e) {
            return new Outcome.Refused(ErrorCode.CONCURRENCY_CONFLICT, "the invoice was changed at the same moment; "
                    + "read the queue again and resend");
        } catch (CommandExecutionException e) {
            // A remote command side (Axon Server) sends rule violations back as details of this exception.
            Rejection rejection = e.<Rejection>getDetails().orElseThrow(() -> e);
            return new Outcome.Refused(rejection.code(), rejection.detail());
        }
    }

    /** What became of one override: recorded (possibly the replay of a resent form), or refused with a code. */
    sealed interface Outcome {

        /** The ledger recorded the override; {@code outcome.replayed()} when the form was sent before. */
        record Recorded(CommandOutcome outcome) implements Outcome {
        }

        /** A rule refused the override; nothing was written. */
        record Refused(ErrorCode code, String detail) implements Outcome {
        }
    }
}
