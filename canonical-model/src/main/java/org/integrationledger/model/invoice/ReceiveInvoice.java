package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.ContractLimits;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Procurement (or an e-invoicing channel it runs) reports a supplier invoice against a purchase order.
 * {@code submittedBy} is the person who submitted it; that person may not override its exceptions. {@code billedTo}
 * is the legal entity the invoice is addressed to, when the channel reads it (optional; the order's otherwise).
 */
public record ReceiveInvoice(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier InvoiceId invoiceId,
        SupplierId supplier, SupplierInvoiceNumber supplierInvoiceNumber, LocalDate invoiceDate,
        PurchaseOrderId purchaseOrderId, List<InvoiceLine> lines, Money net, Money tax, Money gross,
        String submittedBy, LegalEntityId billedTo) implements ConnectorMessage {

    public ReceiveInvoice {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(invoiceId, "invoiceId");
        Checks.required(supplier, "supplier");
        Checks.required(supplierInvoiceNumber, "supplierInvoiceNumber");
        Checks.required(invoiceDate, "invoiceDate");
        Checks.required(purchaseOrderId, "purchaseOrderId");
        Checks.required(net, "net");
        ContractLimits.notNegative(Checks.required(tax, "tax"), "/taxAmount");
        Checks.required(gross, "gross");
        Checks.text(submittedBy, "submittedBy", 128);
        lines = List.copyOf(Checks.required(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one line");
        }
        ContractLimits.lines(lines, "/lines", InvoiceLine::lineNumber);
    }

    /** An invoice whose channel does not say which legal entity it is billed to. */
    public ReceiveInvoice(MessageId messageId, SystemId reportingSystem, Instant occurredAt, InvoiceId invoiceId,
                          SupplierId supplier, SupplierInvoiceNumber supplierInvoiceNumber, LocalDate invoiceDate,
                          PurchaseOrderId purchaseOrderId, List<InvoiceLine> lines, Money net, Money tax, Money gross,
                          String submittedBy) {
        this(messageId, reportingSystem, occurredAt, invoiceId, supplier, supplierInvoiceNumber, invoiceDate,
                purchaseOrderId, lines, net, tax, gross, submittedBy, null);
    }
}
