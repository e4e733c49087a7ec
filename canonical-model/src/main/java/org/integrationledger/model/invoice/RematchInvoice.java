package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * Sent by the ledger itself when the invoice's purchase order changes after the invoice (goods received, order
 * amended): match again with what the order holds now. {@code trigger} names the change (the receipt number, or
 * {@code AMENDMENT-<version>}) and {@code cause} describes it for the record. Not a connector message; the
 * change's reporting system and business time are its own.
 */
public record RematchInvoice(@TargetAggregateIdentifier InvoiceId invoiceId, String trigger, String cause,
                             SystemId reportingSystem, Instant occurredAt) {

    public RematchInvoice {
        Checks.required(invoiceId, "invoiceId");
        Checks.text(trigger, "trigger", 64);
        Checks.text(cause, "cause", 200);
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
    }
}
