package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * Puts on the record of the original invoice that a submission of the same supplier's same invoice number
 * under another id was caught and refused. Sent by the ledger itself after the refusal, under a message id
 * derived from the refused submission's, so a retried duplicate is recorded once.
 */
public record RecordDuplicateInvoiceSubmission(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier InvoiceId invoiceId, InvoiceId submittedAs, SupplierId supplier,
        SupplierInvoiceNumber supplierInvoiceNumber, Money gross, String submittedBy, MessageId requestMessageId)
        implements ConnectorMessage {

    public RecordDuplicateInvoiceSubmission {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(invoiceId, "invoiceId");
        Checks.required(submittedAs, "submittedAs");
        Checks.required(supplier, "supplier");
        Checks.required(supplierInvoiceNumber, "supplierInvoiceNumber");
        Checks.required(requestMessageId, "requestMessageId");
    }
}
