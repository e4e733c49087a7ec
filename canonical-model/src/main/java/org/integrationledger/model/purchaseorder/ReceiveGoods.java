package org.integrationledger.model.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ContractLimits;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** A system reports a goods receipt against lines of the purchase order; partial receipts add up. */
public record ReceiveGoods(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier PurchaseOrderId purchaseOrderId,
        String receiptNumber, List<ReceiptLine> lines) implements ConnectorMessage {

    public ReceiveGoods {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        Checks.text(receiptNumber, "receiptNumber", 64);
        lines = List.copyOf(Checks.required(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a goods receipt needs at least one line");
        }
        ContractLimits.lines(lines, "/lines", ReceiptLine::lineNumber);
    }
}
