package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The routed ERP reports that it refused to post the invoice. */
public record RejectInvoicePosting(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier InvoiceId invoiceId,
        String reasonCode, String reason) implements ConnectorMessage {

    public RejectInvoicePosting {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(invoiceId, "invoiceId");
        Checks.text(reasonCode, "reasonCode", 64);
        Checks.text(reason, "reason", 500);
    }
}
