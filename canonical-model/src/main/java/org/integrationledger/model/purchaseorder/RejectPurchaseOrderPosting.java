package org.integrationledger.model.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** An ERP reports that it refused to post a version of the purchase order. */
public record RejectPurchaseOrderPosting(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier PurchaseOrderId purchaseOrderId,
        int version, String reasonCode, String reason) implements ConnectorMessage {

    public RejectPurchaseOrderPosting {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        Checks.text(reasonCode, "reasonCode", 64);
        Checks.text(reason, "reason", 500);
    }
}
