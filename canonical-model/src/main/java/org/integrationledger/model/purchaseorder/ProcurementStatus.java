package org.integrationledger.model.purchaseorder;

/** Where a purchase order stands in the procurement platform, as far as the ledger has been told. */
public enum ProcurementStatus {
    /** Known only from a downstream system (an ERP acknowledged it before procurement reported it). */
    NOT_REPORTED,
    REQUISITION_APPROVED,
    ISSUED,
    PARTIALLY_RECEIVED,
    RECEIVED,
    CANCELLED,
    CLOSED
}
