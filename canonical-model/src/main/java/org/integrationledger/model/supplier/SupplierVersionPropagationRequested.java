package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** Every target must now acknowledge {@code version}; {@code reportingSystem} is the owner whose change caused it. */
@Revision("1")
public record SupplierVersionPropagationRequested(SupplierId supplierId, int version, List<PropagationTarget> targets,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
