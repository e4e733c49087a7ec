package org.integrationledger.model.invoice;

/** Outcome of matching an invoice against its purchase order (and receipts); OVERRIDDEN is an approver's decision. */
public enum MatchStatus {
    MATCHED,
    VARIANCE,
    OVERRIDDEN
}
