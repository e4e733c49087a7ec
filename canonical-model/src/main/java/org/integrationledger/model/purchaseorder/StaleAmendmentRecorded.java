package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** An amendment arrived for a version older than the one the ledger already holds; kept for the record, not applied. */
@Revision("1")
public record StaleAmendmentRecorded(PurchaseOrderId purchaseOrderId, int version,
        int currentVersion,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
