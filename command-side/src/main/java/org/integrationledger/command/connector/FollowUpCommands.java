package org.integrationledger.command.connector;

import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Sends a command the ledger records because it refused a connector's message (a caught duplicate goes on the
 * original's record). Several refusals may name one original at once (a duplicate race), so a concurrent change
 * of it is retried on its new version. Failing to record must never change the connector's answer, the refusal:
 * other failures are logged, not thrown.
 */
@Component
public class FollowUpCommands {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpCommands.class);
    private static final int ATTEMPTS = 10;

    private final ConnectorCommands commands;

    public FollowUpCommands(ConnectorCommands commands) {
        this.commands = commands;
    }

    /**
     * @param refused the refused message; its correlation id (or its own id) carries over to the follow-up
     */
    public void sendAfterRefusal(ConnectorMessage followUp, MessageId refused, String correlationId,
                                 ErrorCode notFound, Set<String> owningKinds) {
        String correlation = correlationId == null || correlationId.isBlank() ? refused.value() : correlationId;
        for (int attempt = 1; ; attempt++) {
            try {
                commands.send(followUp, correlation, notFound, owningKinds);
                return;
            } catch (ConcurrencyException | ConflictingModificationException e) {
                if (attempt == ATTEMPTS) {
                    LOG.warn("{} after refusing {} not recorded: still changed concurrently after {} attempts",
                            followUp.getClass().getSimpleName(), refused, ATTEMPTS, e);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("{} after refusing {} not recorded", followUp.getClass().getSimpleName(), refused, e);
                return;
            }
        }
    }
}
