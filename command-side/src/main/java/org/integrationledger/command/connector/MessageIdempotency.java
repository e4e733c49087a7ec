package org.integrationledger.command.connector;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LedgerMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes every connector message count once. The message id is claimed in {@code connector_message} inside
 * the command's own transaction, before the aggregate runs: a retry waits for the first attempt to commit
 * (or roll back) on the primary key, then gets the first outcome back; the same id with another payload is
 * rejected. A rejected command rolls back its claim with everything else, so a corrected retry is accepted.
 */
public class MessageIdempotency implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public MessageIdempotency(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (!(command.getPayload() instanceof ConnectorMessage message)) {
            return interceptorChain.proceed();
        }
        String connector = String.valueOf(command.getMetaData().get(LedgerMetadata.CONNECTOR_ID));
        String commandType = command.getPayloadType().getSimpleName();
        String fingerprint = fingerprint(command.getPayload());
        int claimed = jdbc.update("""
                INSERT INTO connector_message (connector_id, message_id, command_type, payload_sha256)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                connector, message.messageId().value(), commandType, fingerprint);
        if (claimed == 0) {
            return originalOutcome(connector, message, commandType, fingerprint);
        }
        Object result = interceptorChain.proceed();
        if (result instanceof CommandOutcome outcome) {
            jdbc.update("""
                    UPDATE connector_message SET document_id = ?, ledger_version = ?, recorded = ?
                    WHERE connector_id = ? AND message_id = ?""",
                    outcome.documentId(), outcome.ledgerVersion(), String.join(",", outcome.recorded()),
                    connector, message.messageId().value());
        }
        return result;
    }

    private CommandOutcome originalOutcome(String connector, ConnectorMessage message, String commandType,
                                           String fingerprint) {
        return jdbc.queryForObject("""
                SELECT command_type, payload_sha256, document_id, ledger_version, recorded
                FROM connector_message WHERE connector_id = ? AND message_id = ?""",
                (rs, row) -> {
                    if (!commandType.equals(rs.getString("command_type"))
                            || !fingerprint.equals(rs.getString("payload_sha256"))) {
                        throw new RuleViolation(ErrorCode.MESSAGE_ID_CONFLICT, "message id " + message.messageId()
                                + " was already used by this connector for a different " + rs.getString("command_type")
                                + " payload; a retry must resend the identical message");
                    }
                    String recorded = rs.getString("recorded");
                    return new CommandOutcome(rs.getString("document_id"), rs.getLong("ledger_version"),
                            recorded == null || recorded.isEmpty() ? List.of() : Arrays.asList(recorded.split(",")),
                            true);
                },
                connector, message.messageId().value());
    }

    private String fingerprint(Object payload) {
        byte[] canonical = serializer.serialize(payload, byte[].class).getData();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
