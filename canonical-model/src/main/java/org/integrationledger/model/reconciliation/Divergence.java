package org.integrationledger.model.reconciliation;

/** A way two systems disagree about one document, computed from the events only. */
public enum Divergence {
    /** The system the document is routed to (or a propagation target) has acknowledged no version of it. */
    NOT_ACKNOWLEDGED,
    /** The system acknowledged an older version than the source's current one. */
    VERSION_BEHIND,
    /** The system reported an amount or currency that differs from the source's for the same version. */
    AMOUNT_MISMATCH,
    /** The system reports another status than the source (e.g. cancelled in procurement, open in the ERP). */
    STATUS_MISMATCH,
    /** A downstream system reported the document before its source did (arrived out of order). */
    KNOWN_ONLY_DOWNSTREAM,
    /** A system other than the one the document is routed to acknowledged it. */
    WRONG_SYSTEM,
    /** The system refused the document's current version. */
    REJECTED,
    /**
     * A supplier copy holds another bank account than the golden record, or treasury paid another account than
     * the golden record's in force at the payment (compared by fingerprint).
     */
    BANK_ACCOUNT_MISMATCH,
    /**
     * More goods were received on a purchase order than it holds (an over-delivery, a line never ordered, or an
     * amendment below what had arrived); open until an amendment covers them again.
     */
    RECEIVED_BEYOND_ORDER
}
