package org.integrationledger.model.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * An ERP reports that it posted the goods receipt {@code receiptNumber} of the order under its own document number:
 * from then on the receipt is in the ERP's GR/IR account, and so in the accrual the ERP books.
 */
public record PostGoodsReceiptInErp(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier PurchaseOrderId purchaseOrderId,
        String receiptNumber, String erpDocumentNumber) implements ConnectorMessage {

    public PostGoodsReceiptInErp {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        Checks.text(receiptNumber, "receiptNumber", 64);
        Checks.text(erpDocumentNumber, "erpDocumentNumber", 64);
    }
}
