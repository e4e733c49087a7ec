package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** A target acknowledged a version older than one it had already acknowledged (a late message); recorded, not applied. */
@Revision("1")
public record StaleSupplierAcknowledgmentRecorded(SupplierId supplierId, int acknowledgedVersion, int currentlyAcknowledgedVersion,
        String reference,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {
}
