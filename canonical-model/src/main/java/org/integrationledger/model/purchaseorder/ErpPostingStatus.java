package org.integrationledger.model.purchaseorder;

/** Where a purchase order stands in the ERP it is routed to. */
public enum ErpPostingStatus {
    NOT_POSTED,
    POSTED,
    REJECTED
}
