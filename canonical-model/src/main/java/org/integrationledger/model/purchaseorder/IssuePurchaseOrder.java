package org.integrationledger.model.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ContractLimits;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** Procurement reports that it issued a purchase order (version 1) to a supplier. */
public record IssuePurchaseOrder(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier PurchaseOrderId purchaseOrderId,
        SupplierId supplier, LegalEntityId legalEntity, String requisitionNumber,
        List<PurchaseOrderLine> lines, Money total) implements ConnectorMessage {

    public IssuePurchaseOrder {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        Checks.required(supplier, "supplier");
        Checks.required(legalEntity, "legalEntity");
        Checks.required(total, "total");
        lines = List.copyOf(Checks.required(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a purchase order needs at least one line");
        }
        ContractLimits.lines(lines, "/lines", PurchaseOrderLine::lineNumber);
    }
}
