package org.integrationledger.model.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Procurement reports that the purchase order was closed: nothing more will be received or invoiced. */
public record ClosePurchaseOrder(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier PurchaseOrderId purchaseOrderId, ClosureReason reason,
        @TargetAggregateVersion Long expectedLedgerVersion) implements ConnectorMessage {

    public ClosePurchaseOrder {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        if (reason == null) {
            reason = ClosureReason.COMPLETED; // what a closure without a reason has always meant
        }
    }
}
