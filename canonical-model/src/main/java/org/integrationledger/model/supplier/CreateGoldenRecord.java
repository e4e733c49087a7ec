package org.integrationledger.model.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The owning system created the golden record of an approved supplier under its own vendor number (version 1). */
public record CreateGoldenRecord(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier SupplierId supplierId, String vendorNumber) implements ConnectorMessage {

    public CreateGoldenRecord {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(supplierId, "supplierId");
        Checks.text(vendorNumber, "vendorNumber", 64);
    }
}
