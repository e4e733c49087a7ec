package org.integrationledger.command.supplier;

import org.integrationledger.model.supplier.ProtectedBankAccount;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a clear account number into the only form the ledger keeps: the last four characters and an
 * HMAC-SHA256 fingerprint keyed with the configured secret. It runs at the web boundary, before a command
 * exists, so the clear number never reaches a command, an event, metadata, a log or the idempotency table.
 */
public class BankAccountProtection {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public BankAccountProtection(SupplierProperties properties) {
        this.key = new SecretKeySpec(properties.bankFingerprintSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Normalises case, spaces and separators first, so "de89 3704..." and "DE893704..." are one account. */
    public ProtectedBankAccount protect(String accountNumber) {
        String normalized = accountNumber.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (normalized.length() < 8 || normalized.length() > 34) {
            throw new IllegalArgumentException("a bank account number has 8 to 34 letters and digits");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            String fingerprint = HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.US_ASCII)));
            return new ProtectedBankAccount("****" + normalized.substring(normalized.length() - 4),
                    "hmac-sha256:" + fingerprint);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
