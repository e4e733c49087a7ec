package org.integrationledger.model.invoice;

/** Why an invoice cannot flow on by itself and needs corrected data or an approver's override. */
public enum ExceptionKind {
    TAX_FAILURE,
    MATCH_VARIANCE,
    DUPLICATE_SUSPICION,
    POSTING_FAILURE,
    /** The invoice is in another currency than its purchase order: recorded, not matched. */
    CURRENCY_MISMATCH,
    /** The supplier was blocked on the golden record when the invoice was received. */
    SUPPLIER_BLOCKED,
    /** The supplier was requested (or its request rejected) but never approved when the invoice was received. */
    SUPPLIER_NOT_APPROVED,
    /** The invoice's supplier is not the one its purchase order was issued to: recorded, not matched. */
    SUPPLIER_MISMATCH;

    /**
     * Whether overriding this exception accepts the invoice as billed, so its match status becomes OVERRIDDEN: the
     * invoice was not matched because it does not fit its order at all, or matched outside tolerance.
     */
    public boolean overrideAcceptsMatch() {
        return this == MATCH_VARIANCE || this == CURRENCY_MISMATCH || this == SUPPLIER_MISMATCH;
    }
}
