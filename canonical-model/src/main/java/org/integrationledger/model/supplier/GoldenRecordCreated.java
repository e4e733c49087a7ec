package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** The owning system created version 1 of the golden record under its vendor number. */
@Revision("1")
public record GoldenRecordCreated(SupplierId supplierId, SystemId owner, String vendorNumber, int version,
        String legalName, List<TaxId> taxIds, List<Address> addresses, String paymentTerms,
        ProtectedBankAccount bankAccount,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
