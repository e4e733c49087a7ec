package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** The owning system changed golden-record fields; {@code version} is the new version. */
@Revision("1")
public record SupplierDetailsChanged(SupplierId supplierId, int version, String legalName, List<Address> addresses,
        String paymentTerms, String changedBy,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
