package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** The tax engine reports that it validated the invoice, or that validation failed with reason codes. */
public record ReportTaxValidation(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier InvoiceId invoiceId,
        boolean valid, List<String> reasonCodes, String detail) implements ConnectorMessage {

    public ReportTaxValidation {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(invoiceId, "invoiceId");
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
        if (!valid && reasonCodes.isEmpty()) {
            throw new IllegalArgumentException("a failed tax validation needs at least one reason code");
        }
        if (valid && !reasonCodes.isEmpty()) {
            throw new IllegalArgumentException("a successful tax validation carries no reason codes");
        }
    }
}
