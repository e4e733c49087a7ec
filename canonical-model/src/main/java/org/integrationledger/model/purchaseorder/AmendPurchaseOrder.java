package org.integrationledger.model.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ContractLimits;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** Procurement reports a new version of an issued purchase order; lines and total replace the previous ones. */
public record AmendPurchaseOrder(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier PurchaseOrderId purchaseOrderId,
        int version, List<PurchaseOrderLine> lines, Money total, String reason, @TargetAggregateVersion Long expectedLedgerVersion) implements ConnectorMessage {

    public AmendPurchaseOrder {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        if (version < 2) {
            throw new IllegalArgumentException("an amendment has version 2 or higher");
        }
        Checks.required(total, "total");
        Checks.text(reason, "reason", 500);
        lines = List.copyOf(Checks.required(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a purchase order needs at least one line");
        }
        ContractLimits.lines(lines, "/lines", PurchaseOrderLine::lineNumber);
    }
}
