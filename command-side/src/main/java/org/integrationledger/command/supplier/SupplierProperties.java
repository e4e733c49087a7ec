package org.integrationledger.command.supplier;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Supplier governance settings ({@code ledger.supplier}): which system owns the golden record, the secret that
 * keys bank-account fingerprints, and the region each target system serves (for the propagation-lag query).
 */
@ConfigurationProperties("ledger.supplier")
public record SupplierProperties(String goldenRecordOwner, String bankFingerprintSecret, Map<String, String> regions) {

    /** Region of a target system nobody configured one for. */
    public static final String DEFAULT_REGION = "GLOBAL";

    public SupplierProperties {
        if (goldenRecordOwner == null || goldenRecordOwner.isBlank()) {
            throw new IllegalArgumentException("ledger.supplier.golden-record-owner must name the owning system");
        }
        // Shorter secrets make the fingerprint guessable by brute force over the account-number space.
        if (bankFingerprintSecret == null || bankFingerprintSecret.length() < 32) {
            throw new IllegalArgumentException("ledger.supplier.bank-fingerprint-secret must have at least 32 characters");
        }
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    String regionOf(String system) {
        return regions.getOrDefault(system, DEFAULT_REGION);
    }

    @Override
    public String toString() {
        // Never print the secret, not even in a configuration dump.
        return "SupplierProperties[goldenRecordOwner=" + goldenRecordOwner + ", regions=" + regions + "]";
    }
}
