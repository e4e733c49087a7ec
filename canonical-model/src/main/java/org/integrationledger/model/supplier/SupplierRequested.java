package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** Procurement requested the supplier for legal entities; its tax ids are claimed from now on. */
@Revision("1")
public record SupplierRequested(SupplierId supplierId, String legalName, List<TaxId> taxIds, List<Address> addresses,
        String paymentTerms, ProtectedBankAccount bankAccount, List<LegalEntityId> requestingLegalEntities,
        String requestedBy,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
