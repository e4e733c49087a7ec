package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * Sent by the ledger itself when goods are received on the invoice's purchase order after the invoice: match
 * again with what has been received now. Not a connector message; the receipt's system and time are its cause.
 */
public record RematchInvoice(@TargetAggregateIdentifier InvoiceId invoiceId, String receiptNumber,
                             SystemId reportingSystem, Instant occurredAt) {

    public RematchInvoice {
        Checks.required(invoiceId, "invoiceId");
        Checks.text(receiptNumber, "receiptNumber", 64);
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
    }
}
