package org.integrationledger.model.reconciliation;

/** What became of a caught duplicate. */
public enum DuplicateOutcome {
    /** An exact duplicate: the submission was refused and the original kept. */
    REFUSED,
    /** A suspected duplicate whose exception is still open. */
    OPEN,
    /** A suspected duplicate an authorised approver accepted by override. */
    ACCEPTED_BY_OVERRIDE,
    /** A suspected duplicate whose exception was resolved by correcting the invoice. */
    CORRECTED
}
