package org.integrationledger.query.rebuild;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The one checksum form every rebuildable projection uses, so that a live checksum and a rebuilt one are
 * comparable: SHA-256 over canonical lines, each ended by a newline, in the order given (key order).
 */
public final class Checksums {

    private Checksums() {
    }

    public static String sha256(Stream<String> canonicalLines) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        canonicalLines.forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha256.digest());
    }
}
