package org.integrationledger.command.acknowledgment;

/**
 * One rule for every document type: a system's acknowledgment of a version is stale when, at the time it is
 * recorded, the document already has a newer version, whether or not that system has acknowledged the newer
 * one; or when the same system already acknowledged a newer one (its messages arrived out of order). A stale
 * acknowledgment is recorded as such, never as a plain one.
 */
public final class StalenessRule {

    private StalenessRule() {
    }

    /**
     * @param acknowledgedVersion the version the system reports holding
     * @param currentVersion      the document's current version in the ledger, 0 while its source has reported none
     * @param alreadyAcknowledged the newest version the same system acknowledged before, null when none
     */
    public static boolean isStale(int acknowledgedVersion, int currentVersion, Integer alreadyAcknowledged) {
        return acknowledgedVersion < currentVersion
                || (alreadyAcknowledged != null && acknowledgedVersion < alreadyAcknowledged);
    }
}
