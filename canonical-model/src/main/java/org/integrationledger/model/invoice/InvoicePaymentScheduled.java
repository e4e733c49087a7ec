package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.shared.Money;

import java.time.LocalDate;
import java.time.Instant;

/** A payment of the invoice was scheduled for {@code dueDate}. */
@Revision("1")
public record InvoicePaymentScheduled(InvoiceId invoiceId, LegalEntityId legalEntity,
        String paymentReference, Money amount, LocalDate dueDate,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {
}
