package org.integrationledger.model.invoice;

/** Why an invoice cannot flow on by itself and needs corrected data or an approver's override. */
public enum ExceptionKind {
    TAX_FAILURE,
    MATCH_VARIANCE,
    DUPLICATE_SUSPICION,
    POSTING_FAILURE
}
