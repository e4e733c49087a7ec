package org.integrationledger.model.invoice;

import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * Every fact recorded about an invoice (and its payments) names the invoice, its legal entity, the reporting
 * system and the business time, so SLA and reconciliation views can key on them without joining. The legal
 * entity is null only on an ERP report that arrived before procurement reported the invoice.
 */
public sealed interface InvoiceEvent permits InvoiceReceived, InvoiceMatched, InvoiceMatchVarianceFound,
        InvoiceTaxValidated, InvoiceTaxValidationFailed, InvoiceExceptionRaised, InvoiceExceptionResolved,
        InvoicePostedInErp, InvoicePostingControlViolated, InvoicePostingRejected,
        StaleInvoicePostingRejectionRecorded, InvoicePaymentScheduled, InvoicePaymentExecuted,
        InvoiceOverpaymentFlagged, PaymentConfirmationDelivered, PaymentConfirmationAcknowledged,
        DuplicateInvoiceSubmissionCaught, InvoiceControlViolated {

    InvoiceId invoiceId();

    LegalEntityId legalEntity();

    SystemId reportingSystem();

    /** Business time: when it happened in the reporting system (not when the ledger recorded it). */
    Instant occurredAt();
}
