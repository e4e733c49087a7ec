package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.util.List;
import java.time.Instant;

/** The ERP posted an invoice that was neither matched nor overridden (or had open exceptions): recorded, and flagged for control. */
@Revision("1")
public record InvoicePostingControlViolated(InvoiceId invoiceId, LegalEntityId legalEntity,
        String erpDocumentNumber, MatchStatus matchStatus, List<ExceptionKind> openExceptions,
        SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
