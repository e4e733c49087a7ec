package org.integrationledger.model.shared;

/** Keys of the metadata every command and event carries, so auditors can tell who sent what and why. */
public final class LedgerMetadata {

    /** The authenticated connector that sent the command. */
    public static final String CONNECTOR_ID = "connectorId";
    /** The connector's own message id, the idempotency key. */
    public static final String MESSAGE_ID = "messageId";
    /** Groups every message of one business conversation; taken from the X-Correlation-Id header or the message id. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The system of record that reported the fact. */
    public static final String REPORTING_SYSTEM = "reportingSystem";

    private LedgerMetadata() {
    }
}
