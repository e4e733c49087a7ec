package org.integrationledger.command.invoice;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The command side's lookup of received invoices by supplier and normalised number, fed by a subscribing processor. */
public interface InvoiceNumberClaims {

    /** The invoice that holds this supplier's normalised invoice number, if any. */
    Optional<ClaimedInvoice> holderOf(SupplierId supplier, String normalizedNumber);

    /** The supplier's invoices with exactly this gross amount (candidates for a suspected duplicate). */
    List<ClaimedInvoice> withSameGross(SupplierId supplier, Money gross);

    /** Invoices billed against a purchase order, to match again when goods arrive on it. */
    List<InvoiceId> referencing(PurchaseOrderId purchaseOrderId);

    /** The refusal of an invoice number this supplier already used, naming the invoice that holds it. */
    static RuleViolation duplicate(SupplierId supplier, String number, ClaimedInvoice original) {
        return new RuleViolation(ErrorCode.DUPLICATE_INVOICE, "supplier " + supplier + " invoice number " + number
                + " was already received as invoice " + original.invoiceId() + " (number "
                + original.supplierInvoiceNumber() + ")");
    }

    /** One received invoice as the duplicate rules see it. */
    record ClaimedInvoice(InvoiceId invoiceId, String supplierInvoiceNumber, LocalDate invoiceDate, Money gross) {
    }
}
