package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.Instant;
import java.util.List;

/** An exception opened on the invoice, routed to a work queue; {@code exceptionNumber} counts the invoice's exceptions from 1, so {@code invoiceId/exceptionNumber} names it. */
@Revision("1")
public record InvoiceExceptionRaised(InvoiceId invoiceId, LegalEntityId legalEntity,
        int exceptionNumber, ExceptionKind kind, String region, String queue, SupplierId supplier,
        PurchaseOrderId purchaseOrderId, Money gross, Money varianceAmount, String detail,
        List<InvoiceId> suspectedDuplicateOf,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }

    public InvoiceExceptionRaised {
        // Empty for every kind but a duplicate suspicion; null on events recorded before the field existed.
        suspectedDuplicateOf = suspectedDuplicateOf == null ? List.of() : List.copyOf(suspectedDuplicateOf);
    }
}
