package org.integrationledger.model.controls;

/** A finance control an invoice or payment broke (or, for a recent bank-account change, must be reviewed for). */
public enum ControlKind {
    /** The ERP posted an invoice neither matched nor overridden, with open exceptions, or not the routed ERP. */
    POSTING_CONTROL,
    /** The ERP posted an invoice while its supplier was blocked on the golden record. */
    POSTING_BLOCKED_SUPPLIER,
    /** Treasury paid an invoice while its supplier was blocked on the golden record. */
    PAYMENT_BLOCKED_SUPPLIER,
    /** The ERP posted an invoice of a supplier requested (or rejected) but not approved. */
    POSTING_UNAPPROVED_SUPPLIER,
    /** Treasury paid an invoice of a supplier requested (or rejected) but not approved. */
    PAYMENT_UNAPPROVED_SUPPLIER,
    /** Treasury paid another bank account than the golden record's in force at the payment's business time. */
    PAYMENT_TO_OTHER_ACCOUNT,
    /** The payment matches the golden record, but its bank account changed within the review window before it. */
    RECENT_BANK_ACCOUNT_CHANGE,
    /**
     * Treasury did not report the account it paid, so the payment could not be compared with the golden record: to
     * be reviewed, like a recent change (a connector built before the field existed still pays through the ledger).
     */
    BENEFICIARY_NOT_REPORTED,
    /**
     * Treasury paid the invoice in another currency than the invoice's: the payment is recorded with its own amount
     * but not added to the invoice's total paid (the contract carries no exchange rate), so whether the invoice is
     * paid, or overpaid, cannot be told from the ledger.
     */
    PAYMENT_CURRENCY_MISMATCH
}
