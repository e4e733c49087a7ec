package org.integrationledger.command.connector;

import org.integrationledger.model.shared.MessageId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Message ids for commands the ledger sends itself because of a connector's message, derived from that message's
 * id so that a retry of it derives the same id and the idempotency table records the follow-up once.
 */
public final class DerivedMessageIds {

    private static final int MAX_LENGTH = 128;

    private DerivedMessageIds() {
    }

    public static MessageId of(String purpose, MessageId source) {
        String derived = purpose + ":" + source.value();
        if (derived.length() <= MAX_LENGTH) {
            return MessageId.of(derived);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.value().getBytes(StandardCharsets.UTF_8));
            return MessageId.of(purpose + ":sha256:" + HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
