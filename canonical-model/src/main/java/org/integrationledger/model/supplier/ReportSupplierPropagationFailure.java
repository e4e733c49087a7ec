package org.integrationledger.model.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** A target system could not apply a version of the golden record, and says why. */
public record ReportSupplierPropagationFailure(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier SupplierId supplierId, int version, String reason) implements ConnectorMessage {

    public ReportSupplierPropagationFailure {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(supplierId, "supplierId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        Checks.text(reason, "reason", 500);
    }
}
