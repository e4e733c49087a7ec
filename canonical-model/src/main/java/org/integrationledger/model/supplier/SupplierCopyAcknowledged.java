package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** A target system holds {@code version} under {@code reference}; the bank account of its copy, when it said, compared by fingerprint. */
@Revision("1")
public record SupplierCopyAcknowledged(SupplierId supplierId, int version, String reference, ProtectedBankAccount heldBankAccount,
        Boolean bankAccountMatchesGoldenRecord,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
