package org.integrationledger.model.invoice;

/** Whether procurement acknowledged the confirmation of every executed payment of the invoice. */
public enum ConfirmationStatus {
    NO_PAYMENT,
    AWAITING_ACKNOWLEDGMENT,
    ACKNOWLEDGED
}
