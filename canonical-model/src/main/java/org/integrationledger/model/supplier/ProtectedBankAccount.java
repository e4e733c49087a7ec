package org.integrationledger.model.supplier;

import java.util.regex.Pattern;

/**
 * A bank account as the ledger keeps it: never the number itself, only its last four characters (for people)
 * and a keyed fingerprint (HMAC-SHA256 with the ledger's secret, for comparing two systems' copies). The shapes
 * are checked so that a clear account number cannot be put into either field by mistake.
 */
public record ProtectedBankAccount(String masked, String fingerprint) {

    private static final Pattern MASKED = Pattern.compile("\\*{4}[A-Z0-9]{1,4}");
    private static final Pattern FINGERPRINT = Pattern.compile("hmac-sha256:[0-9a-f]{64}");

    public ProtectedBankAccount {
        // Not Checks.matching: its message repeats the value, which here could be a clear account number.
        if (masked == null || !MASKED.matcher(masked).matches()) {
            throw new IllegalArgumentException("masked bank account must be **** plus at most the last 4 characters");
        }
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("bank account fingerprint must be hmac-sha256: plus 64 hex digits");
        }
    }

    /** Same account: the fingerprints (keyed hashes of the normalised number) are equal. */
    public boolean sameAccountAs(ProtectedBankAccount other) {
        return other != null && fingerprint.equals(other.fingerprint);
    }
}
