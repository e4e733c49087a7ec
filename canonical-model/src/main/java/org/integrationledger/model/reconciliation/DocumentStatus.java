package org.integrationledger.model.reconciliation;

/** Where a document stands at its source, as the reconciliation view shows it. */
public enum DocumentStatus {
    /** An order whose requisition procurement approved, not issued yet. */
    REQUISITION_APPROVED,
    ISSUED,
    AMENDED,
    CANCELLED,
    CLOSED,
    /** An invoice procurement received, not matched yet. */
    RECEIVED,
    MATCHED,
    MATCH_VARIANCE,
    /** An invoice whose exception an authorised approver overrode. */
    OVERRIDDEN,
    /** A payment treasury executed. */
    EXECUTED,
    /** A supplier requested, not decided yet. */
    REQUESTED,
    APPROVED,
    REJECTED,
    /** A supplier with a golden record, not blocked. */
    ACTIVE,
    BLOCKED;

    /** True for an order procurement finished (cancelled or closed): nothing more is expected of its ERP. */
    public boolean finished() {
        return this == CANCELLED || this == CLOSED;
    }
}
