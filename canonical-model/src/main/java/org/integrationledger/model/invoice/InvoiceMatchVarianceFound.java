package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.Money;

import java.util.List;
import java.time.Instant;

/** At least one line is outside tolerance; {@code varianceAmount} is the invoiced amount above what the order and receipts cover. */
@Revision("1")
public record InvoiceMatchVarianceFound(InvoiceId invoiceId, LegalEntityId legalEntity,
        PurchaseOrderId purchaseOrderId, List<LineMatch> lines, Money varianceAmount, String trigger,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
