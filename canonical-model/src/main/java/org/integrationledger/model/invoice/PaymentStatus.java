package org.integrationledger.model.invoice;

/** How much of an invoice treasury has paid; OVERPAID means more than its gross amount. */
public enum PaymentStatus {
    UNPAID,
    SCHEDULED,
    PARTIALLY_PAID,
    PAID,
    OVERPAID
}
