package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** A target system could not apply {@code version} of the golden record. */
@Revision("1")
public record SupplierPropagationFailed(SupplierId supplierId, int version, String reason,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
