package org.integrationledger.command.connector;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.command.routing.SystemRegistry;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.DocumentKey;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.Rejection;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The one way a connector's command enters the ledger: checks the reporting system, stamps the audit
 * metadata (connector, message id, correlation) and waits for the durable outcome. A command whose append collides
 * with another's on the same document (optimistic concurrency) is decided again on the stored history.
 */
@Component
public class ConnectorCommands {

    /** Request header carrying the caller's correlation id (the business conversation a message belongs to). */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /** How often a command is tried when its append collides with another command's on the same document. */
    static final int COLLISION_ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final SystemRegistry systems;

    public ConnectorCommands(CommandGateway gateway, SystemRegistry systems) {
        this.gateway = gateway;
        this.systems = systems;
    }

    /**
     * Sends the command and returns what was recorded.
     *
     * @param correlationId the caller's correlation id, or null to start a new conversation at this message
     * @param notFound      the code to answer when the command needs a document the ledger does not know
     * @param owningKinds   the kinds of system (PROCUREMENT, ERP, ...) that may report this fact
     */
    public CommandOutcome send(ConnectorMessage command, String correlationId, ErrorCode notFound,
                               Set<String> owningKinds) {
        systems.requireKind(command.reportingSystem(), owningKinds);
        String connector = ConnectorAuthorization.requireMayReportFor(command.reportingSystem());
        MetaData metaData = MetaData.with(LedgerMetadata.CONNECTOR_ID, connector)
                .and(LedgerMetadata.MESSAGE_ID, command.messageId().value())
                .and(LedgerMetadata.REPORTING_SYSTEM, command.reportingSystem().value())
                .and(LedgerMetadata.CORRELATION_ID,
                        correlationId == null || correlationId.isBlank() ? command.messageId().value() : correlationId);
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(command, metaData, notFound);
            } catch (ConcurrencyException | AggregateStreamCreationException collision) {
                // Another command appended to the document first (another node, or a cached state the store has
                // moved past): nothing was written and the failure dropped the cached state, so the next attempt
                // decides on the stored history. An expected ledger version the document has passed is no
                // collision (ConflictingAggregateVersionException) and is answered as it is.
                if (attempt == COLLISION_ATTEMPTS) {
                    throw collision;
                }
            }
        }
    }

    private CommandOutcome sendOnce(ConnectorMessage command, MetaData metaData, ErrorCode notFound) {
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (AggregateNotFoundException e) {
            throw new RuleViolation(notFound, "no document "
                    + DocumentKey.businessIdOf(String.valueOf(e.getAggregateIdentifier())) + " is known to the ledger");
        } catch (CommandExecutionException e) {
            // A remote command side (Axon Server) sends rule violations back as details of this exception.
            Rejection rejection = e.<Rejection>getDetails().orElse(null);
            if (rejection != null) {
                throw new RuleViolation(rejection.code(), rejection.detail());
            }
            throw e;
        }
    }
}
