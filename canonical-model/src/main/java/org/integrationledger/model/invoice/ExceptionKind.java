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

    /** What an approver's override of an exception settles besides closing it. */
    public enum OverrideSettles {
        /** The invoice is accepted as billed: its match status becomes OVERRIDDEN, no match follows. */
        MATCH,
        /** The tax status becomes OVERRIDDEN. */
        TAX_STATUS,
        /** Nothing but the exception itself. */
        NOTHING
    }

    /**
     * The one place that says what overriding this exception settles, read by the invoice aggregate and every view:
     * the match when the invoice was not matched because it does not fit its order at all, or matched outside
     * tolerance; the tax status for a tax failure. Every kind is named, so a new kind fails compilation here until
     * it says what its override settles.
     */
    public OverrideSettles overrideSettles() {
        return switch (this) {
            case MATCH_VARIANCE, CURRENCY_MISMATCH, SUPPLIER_MISMATCH -> OverrideSettles.MATCH;
            case TAX_FAILURE -> OverrideSettles.TAX_STATUS;
            case DUPLICATE_SUSPICION, POSTING_FAILURE, SUPPLIER_BLOCKED, SUPPLIER_NOT_APPROVED ->
                    OverrideSettles.NOTHING;
        };
    }
}
