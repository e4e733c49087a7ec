package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.LocalDate;
import java.util.List;
import java.time.Instant;

/** An invoice was received against a purchase order; legal entity and {@code routedTo} ERP come from the order, region, queue and tax regime from configuration. */
@Revision("1")
public record InvoiceReceived(InvoiceId invoiceId, LegalEntityId legalEntity,
        SupplierId supplier, SupplierInvoiceNumber supplierInvoiceNumber, String normalizedInvoiceNumber,
        LocalDate invoiceDate, PurchaseOrderId purchaseOrderId, SystemId routedTo, String region, String queue,
        String taxRegime, List<InvoiceLine> lines, Money net, Money tax, Money gross, String submittedBy,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
