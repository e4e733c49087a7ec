package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** The confirmation of an executed payment was sent towards procurement; {@code executedAt} is the execution's business time. */
@Revision("1")
public record PaymentConfirmationDelivered(InvoiceId invoiceId, LegalEntityId legalEntity,
        String paymentReference, Instant executedAt,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {
}
