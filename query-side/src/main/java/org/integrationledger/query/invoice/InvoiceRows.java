package org.integrationledger.query.invoice;

/**
 * Where the invoice views' rows live: the tables for the live projection, maps for a replay. The rules in
 * {@link InvoiceViewRules} only see this, so a rebuilt view is computed exactly as the live one.
 */
interface InvoiceRows {

    /** The invoice's row, created when the invoice is new. */
    InvoiceView invoice(String invoiceId);

    /** The exception's row, created when it is new. */
    InvoiceExceptionView exception(String exceptionId);

    /** The payment's row, created (with the invoice's supplier) when it is new. */
    InvoicePaymentView payment(InvoiceView invoice, String legalEntity, String paymentReference);
}
