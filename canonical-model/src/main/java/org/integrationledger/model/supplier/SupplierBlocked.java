package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The owning system blocked the supplier; {@code version} is the new version. */
@Revision("1")
public record SupplierBlocked(SupplierId supplierId, int version, String reason,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
