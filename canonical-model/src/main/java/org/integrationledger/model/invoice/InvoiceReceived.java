package org.integrationledger.model.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.LocalDate;
import java.util.List;
import java.time.Instant;

/**
 * An invoice was received against a purchase order; legal entity and {@code routedTo} ERP come from the order, region,
 * queue and tax regime from configuration. {@code billedTo} is the legal entity the invoice is addressed to when the
 * submitting channel says it (null when it does not); one other than the order's means the invoice is booked in that
 * entity's books; left out of the stored payload when null. Revision 2 added {@code billedTo}; revision 1 invoices did
 * not say it and read with null.
 */
@Revision("2")
public record InvoiceReceived(InvoiceId invoiceId, LegalEntityId legalEntity,
        @JsonInclude(JsonInclude.Include.NON_NULL) LegalEntityId billedTo,
        SupplierId supplier, SupplierInvoiceNumber supplierInvoiceNumber, String normalizedInvoiceNumber,
        LocalDate invoiceDate, PurchaseOrderId purchaseOrderId, SystemId routedTo, String region, String queue,
        String taxRegime, List<InvoiceLine> lines, Money net, Money tax, Money gross, String submittedBy,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    /** An invoice that does not say which legal entity it is billed to. */
    public InvoiceReceived(InvoiceId invoiceId, LegalEntityId legalEntity, SupplierId supplier,
                           SupplierInvoiceNumber supplierInvoiceNumber, String normalizedInvoiceNumber,
                           LocalDate invoiceDate, PurchaseOrderId purchaseOrderId, SystemId routedTo, String region,
                           String queue, String taxRegime, List<InvoiceLine> lines, Money net, Money tax, Money gross,
                           String submittedBy, SystemId reportingSystem, Instant occurredAt) {
        this(invoiceId, legalEntity, null, supplier, supplierInvoiceNumber, normalizedInvoiceNumber, invoiceDate,
                purchaseOrderId, routedTo, region, queue, taxRegime, lines, net, tax, gross, submittedBy,
                reportingSystem, occurredAt);
    }

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
