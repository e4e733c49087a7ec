package org.integrationledger.model.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * A target system reports that it holds a version of the golden record under its own reference (its vendor
 * number). It may say which bank account its copy holds, protected like every bank account in the ledger.
 */
public record AcknowledgeSupplierCopy(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier SupplierId supplierId, int version, String reference,
        ProtectedBankAccount heldBankAccount) implements ConnectorMessage {

    public AcknowledgeSupplierCopy {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(supplierId, "supplierId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        Checks.text(reference, "reference", 64);
    }
}
