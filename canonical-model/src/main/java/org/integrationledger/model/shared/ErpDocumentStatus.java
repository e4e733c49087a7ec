package org.integrationledger.model.shared;

/** A document's status as an ERP reports it, compared with the source system's status for divergences. */
public enum ErpDocumentStatus {
    /** Posted and open for further processing. */
    OPEN,
    /** Cancelled or reversed in the ERP. */
    CANCELLED,
    /** Completed and closed in the ERP. */
    CLOSED
}
