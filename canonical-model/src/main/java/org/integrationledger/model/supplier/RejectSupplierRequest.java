package org.integrationledger.model.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Procurement's onboarding workflow rejected the supplier request; its tax ids become free again. */
public record RejectSupplierRequest(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier SupplierId supplierId, String rejectedBy, String reason)
        implements ConnectorMessage {

    public RejectSupplierRequest {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(supplierId, "supplierId");
        Checks.text(rejectedBy, "rejectedBy", 128);
        Checks.text(reason, "reason", 500);
    }
}
