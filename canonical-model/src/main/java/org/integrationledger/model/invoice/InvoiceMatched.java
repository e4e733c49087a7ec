package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;

import java.util.List;
import java.time.Instant;

/** Every line is within tolerance of its purchase-order line (and goods received, for three-way lines); {@code trigger} is INVOICE_RECEIVED or the receipt number that completed the match. */
@Revision("1")
public record InvoiceMatched(InvoiceId invoiceId, LegalEntityId legalEntity,
        PurchaseOrderId purchaseOrderId, List<LineMatch> lines, String trigger,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
