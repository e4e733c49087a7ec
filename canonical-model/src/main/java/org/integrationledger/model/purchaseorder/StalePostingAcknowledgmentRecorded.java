package org.integrationledger.model.purchaseorder;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.ErpDocumentStatus;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * An ERP acknowledged {@code version}, older than the order's current one when it was recorded: older than procurement's
 * current version ({@code currentVersion}) or than a version the same ERP had already acknowledged
 * ({@code currentlyAcknowledgedVersion}, null when it had acknowledged none). The ERP does hold that version, so the
 * views show it as the ERP's position while it has acknowledged nothing newer, labelled stale; a newer
 * acknowledgment stands. {@code postedTotal} and {@code erpStatus} are what the ERP said it holds.
 * Revision 2 named the acknowledged version {@code version}, as on {@code PurchaseOrderPostedInErp} (revision 1:
 * {@code acknowledgedVersion}), and added {@code currentVersion}, {@code postedTotal} and {@code erpStatus} (null on
 * revision 1 events, which were stale only against the ERP's own newer acknowledgment).
 */
@Revision("2")
public record StalePostingAcknowledgmentRecorded(PurchaseOrderId purchaseOrderId, String erpDocumentNumber,
        int version, Integer currentVersion, Integer currentlyAcknowledgedVersion,
        Money postedTotal, ErpDocumentStatus erpStatus,
        SystemId reportingSystem, Instant occurredAt) implements PurchaseOrderEvent {

    @Override
    public <R, A> R accept(PurchaseOrderEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
