package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.ErpDocumentStatus;

/** The status a system holds a document in, where it said one: an ERP's document status or a payment's excess. */
public enum PositionStatus {
    /** Posted and open for further processing. */
    OPEN,
    /** Cancelled or reversed in the ERP. */
    CANCELLED,
    /** Completed and closed in the ERP. */
    CLOSED,
    /** The ERP posted the invoice against the posting control (unmatched, open exceptions or not the routed ERP). */
    POSTED_UNMATCHED,
    /** Treasury paid more than the invoice's gross. */
    OVERPAID,
    /** Treasury paid while the supplier was blocked or not approved (a finance control, docs/controls.md). */
    PAID_AGAINST_CONTROL;

    /** The position of an ERP that reported this document status (none said: open). */
    public static PositionStatus of(ErpDocumentStatus status) {
        return status == null ? OPEN : valueOf(status.name());
    }
}
