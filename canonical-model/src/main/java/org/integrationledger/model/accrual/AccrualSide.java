package org.integrationledger.model.accrual;

/** Which way a purchase-order line is open at a period end. */
public enum AccrualSide {
    /** More was received than invoiced: finance books an accrual for it. */
    RECEIVED_NOT_INVOICED,
    /** More was invoiced than received: the invoice is ahead of its goods. */
    INVOICED_NOT_RECEIVED
}
