package org.integrationledger.model.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * Puts on the record of the supplier that already holds a tax id that a request for another supplier with the
 * same tax id was caught and refused. Sent by the ledger itself after it refused the request, under a message id
 * derived from the refused request's, so a retried request is recorded once.
 */
public record RecordDuplicateSupplierRequest(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier SupplierId supplierId, SupplierId requestedAs, TaxId taxId, String legalName,
        String requestedBy, MessageId requestMessageId) implements ConnectorMessage {

    public RecordDuplicateSupplierRequest {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(supplierId, "supplierId");
        Checks.required(requestedAs, "requestedAs");
        Checks.required(taxId, "taxId");
        Checks.required(requestMessageId, "requestMessageId");
    }
}
