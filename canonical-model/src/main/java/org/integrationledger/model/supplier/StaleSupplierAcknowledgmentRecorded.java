package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * A target acknowledged {@code version}, older than the golden record's current one when it was recorded (older than
 * {@code currentVersion}, or than {@code currentlyAcknowledgedVersion}, the newest the same system had already
 * acknowledged, null when none). The system does hold that version, so the views show it as the copy's position
 * while it has acknowledged nothing newer, labelled stale. {@code bankAccountMatchesGoldenRecord} compares the
 * held account with the current golden record's, never with the older version's (null when the system did not say).
 * Revision 2 named the acknowledged version {@code version}, as on {@code SupplierCopyAcknowledged} (revision 1:
 * {@code acknowledgedVersion}), and added {@code currentVersion}, {@code heldBankAccount} and
 * {@code bankAccountMatchesGoldenRecord} (null on revision 1 events, which were stale only against the system's own
 * newer acknowledgment).
 */
@Revision("2")
public record StaleSupplierAcknowledgmentRecorded(SupplierId supplierId, int version,
        Integer currentVersion, Integer currentlyAcknowledgedVersion, String reference,
        ProtectedBankAccount heldBankAccount, Boolean bankAccountMatchesGoldenRecord,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
