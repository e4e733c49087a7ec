package org.integrationledger.model.reconciliation;

/** What one system last reported about a document, as the reconciliation view shows it side by side. */
public enum PositionState {
    /** Procurement approved the requisition of an order not issued yet. */
    REQUISITION_APPROVED,
    ISSUED,
    AMENDED,
    CANCELLED,
    CLOSED,
    /** Posted by the ERP (an order or invoice). */
    POSTED,
    /** The position is a version the system acknowledged after a newer one existed. */
    STALE,
    /** The system refused the document's latest version. */
    REJECTED,
    /** A system that neither issued an order nor is routed it reported a goods receipt of it. */
    RECEIPT_REPORTED,
    /** Expected to acknowledge, nothing reported yet. */
    PENDING,
    /** Procurement received the invoice. */
    RECEIVED,
    /** The tax engine validated the invoice. */
    VALIDATED,
    /** The tax engine's validation failed, or a propagation target failed to apply a supplier version. */
    FAILED,
    /** Treasury paid the invoice. */
    PAID,
    /** An ERP other than the routed one scheduled a payment. */
    PAYMENT_SCHEDULED,
    /** Treasury executed the payment. */
    EXECUTED,
    /** The payment confirmation was delivered, not yet acknowledged. */
    DELIVERED,
    /** The system acknowledged the document (a supplier copy, a payment confirmation). */
    ACKNOWLEDGED,
    /** Procurement requested the supplier. */
    REQUESTED,
    /** The owner holds the supplier's golden record. */
    GOLDEN_RECORD
}
