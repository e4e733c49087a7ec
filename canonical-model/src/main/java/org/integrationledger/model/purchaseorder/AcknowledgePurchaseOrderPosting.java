package org.integrationledger.model.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ErpDocumentStatus;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * An ERP reports that it holds a version of the purchase order under its own document number. The total and
 * the document's status in the ERP are optional; when the connector sends them the reconciliation view compares
 * them with procurement's (amount and status divergences).
 */
public record AcknowledgePurchaseOrderPosting(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier PurchaseOrderId purchaseOrderId,
        int version, String erpDocumentNumber, Money postedTotal, ErpDocumentStatus erpStatus)
        implements ConnectorMessage {

    public AcknowledgePurchaseOrderPosting {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        Checks.text(erpDocumentNumber, "erpDocumentNumber", 64);
    }
}
