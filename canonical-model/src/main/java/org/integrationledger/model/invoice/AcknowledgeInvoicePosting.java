package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The routed ERP reports that it posted the invoice under its document number in a fiscal period. */
public record AcknowledgeInvoicePosting(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier InvoiceId invoiceId,
        String erpDocumentNumber, String fiscalPeriod) implements ConnectorMessage {

    public AcknowledgeInvoicePosting {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(invoiceId, "invoiceId");
        Checks.text(erpDocumentNumber, "erpDocumentNumber", 64);
        Checks.text(fiscalPeriod, "fiscalPeriod", 16);
    }
}
