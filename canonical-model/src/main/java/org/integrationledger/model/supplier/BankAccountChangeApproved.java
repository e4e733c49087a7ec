package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** A second person approved the pending bank-account change; {@code version} is the new version. */
@Revision("1")
public record BankAccountChangeApproved(SupplierId supplierId, int version, ProtectedBankAccount previousAccount,
        ProtectedBankAccount newAccount, String proposedBy, String approvedBy,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
