package org.integrationledger.model.supplier;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * A request for another supplier ({@code requestedAs}) named a tax id this supplier already holds; the ledger
 * refused it ({@code 409 duplicate-supplier}) and kept this supplier. Question 8: which duplicates were caught and
 * what happened to them.
 */
@Revision("1")
public record DuplicateSupplierRequestCaught(SupplierId supplierId, SupplierId requestedAs, TaxId taxId,
        String legalName, String requestedBy, MessageId requestMessageId,
        SystemId reportingSystem, Instant occurredAt) implements SupplierEvent {

    @Override
    public <R, A> R accept(SupplierEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
