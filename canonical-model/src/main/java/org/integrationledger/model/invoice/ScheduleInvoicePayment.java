package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import org.integrationledger.model.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** Treasury or the ERP reports a payment of the invoice scheduled for a due date. */
public record ScheduleInvoicePayment(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier InvoiceId invoiceId,
        String paymentReference, Money amount, LocalDate dueDate) implements ConnectorMessage {

    public ScheduleInvoicePayment {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(invoiceId, "invoiceId");
        Checks.text(paymentReference, "paymentReference", 64);
        Checks.required(amount, "amount");
        Checks.required(dueDate, "dueDate");
    }
}
