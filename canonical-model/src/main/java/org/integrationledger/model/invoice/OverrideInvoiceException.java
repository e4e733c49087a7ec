package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** An approver, working in procurement or the ERP, accepts an open invoice exception with a reason. */
public record OverrideInvoiceException(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier InvoiceId invoiceId,
        ExceptionKind kind, String approvedBy, String reason) implements ConnectorMessage {

    public OverrideInvoiceException {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(invoiceId, "invoiceId");
        Checks.required(kind, "kind");
        Checks.text(approvedBy, "approvedBy", 128);
        Checks.text(reason, "reason", 500);
    }
}
