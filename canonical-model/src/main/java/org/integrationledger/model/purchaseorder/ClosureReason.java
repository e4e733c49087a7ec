package org.integrationledger.model.purchaseorder;

/** Why procurement closed an order: completed as ordered, or closed short with less received than ordered. */
public enum ClosureReason {
    COMPLETED,
    SHORT_CLOSED
}
