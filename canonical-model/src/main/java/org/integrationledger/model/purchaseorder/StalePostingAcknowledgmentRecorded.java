package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** An ERP acknowledged a version older than one it had already acknowledged (a late message); recorded, not applied. */
@Revision("1")
public record StalePostingAcknowledgmentRecorded(PurchaseOrderId purchaseOrderId, String erpDocumentNumber,
        int acknowledgedVersion, int currentlyAcknowledgedVersion,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {
}
