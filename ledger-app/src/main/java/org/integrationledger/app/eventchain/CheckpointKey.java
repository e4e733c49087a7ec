package org.integrationledger.app.eventchain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The HMAC key of the checkpoints. Someone who can write the database but does not hold the secret cannot
 * recompute a checkpoint after changing events. The key id (first 8 bytes of SHA-256 of the secret, in hex)
 * tells which key sealed a checkpoint without revealing it.
 */
final class CheckpointKey {

    private final SecretKeySpec key;
    private final String id;

    CheckpointKey(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.id = HexFormat.of().formatHex(sha256(bytes), 0, 8);
    }

    String id() {
        return id;
    }

    byte[] mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
