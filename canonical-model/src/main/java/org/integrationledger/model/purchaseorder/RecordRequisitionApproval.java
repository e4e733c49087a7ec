package org.integrationledger.model.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Procurement reports that the requisition behind a purchase order was approved. */
public record RecordRequisitionApproval(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier PurchaseOrderId purchaseOrderId,
        String requisitionNumber, String approvedBy, LegalEntityId legalEntity) implements ConnectorMessage {

    public RecordRequisitionApproval {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        Checks.text(requisitionNumber, "requisitionNumber", 64);
        Checks.text(approvedBy, "approvedBy", 128);
        Checks.required(legalEntity, "legalEntity");
    }
}
