package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** An open exception was closed by corrected data from a connector or by an authorised approver's override (who, why). */
@Revision("1")
public record InvoiceExceptionResolved(InvoiceId invoiceId, LegalEntityId legalEntity,
        int exceptionNumber, ExceptionKind kind, ExceptionResolution resolution, String resolvedBy,
        String reason,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
