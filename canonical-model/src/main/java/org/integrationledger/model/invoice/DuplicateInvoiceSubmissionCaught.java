package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * The same supplier's same invoice number (normalised) was submitted again as {@code submittedAs}; the ledger
 * refused it ({@code 409 duplicate-invoice}) and kept this invoice. Question 8.
 */
@Revision("1")
public record DuplicateInvoiceSubmissionCaught(InvoiceId invoiceId, LegalEntityId legalEntity, InvoiceId submittedAs,
        SupplierId supplier, SupplierInvoiceNumber supplierInvoiceNumber, Money gross, String submittedBy,
        MessageId requestMessageId, SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
