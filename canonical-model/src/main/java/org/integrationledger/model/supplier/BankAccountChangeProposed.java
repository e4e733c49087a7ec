package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** A bank-account change was proposed; it takes no effect until a second person approves it. */
@Revision("1")
public record BankAccountChangeProposed(SupplierId supplierId, ProtectedBankAccount proposedAccount, String proposedBy,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
