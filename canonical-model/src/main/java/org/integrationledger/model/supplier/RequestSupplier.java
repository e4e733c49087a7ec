package org.integrationledger.model.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * Procurement asks for a new supplier on behalf of legal entities. The bank account arrives already protected
 * (masked plus keyed fingerprint): the clear number never enters a command.
 */
public record RequestSupplier(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier SupplierId supplierId,
        String legalName, List<TaxId> taxIds, List<Address> addresses, String paymentTerms,
        ProtectedBankAccount bankAccount, List<LegalEntityId> requestingLegalEntities,
        String requestedBy) implements ConnectorMessage {

    public RequestSupplier {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(supplierId, "supplierId");
        Checks.text(legalName, "legalName", 200);
        taxIds = List.copyOf(Checks.required(taxIds, "taxIds"));
        if (taxIds.isEmpty()) {
            throw new IllegalArgumentException("a supplier needs at least one tax id");
        }
        if (taxIds.stream().map(TaxId::normalized).distinct().count() < taxIds.size()) {
            throw new IllegalArgumentException("the same tax id is listed twice");
        }
        addresses = List.copyOf(Checks.required(addresses, "addresses"));
        Checks.text(paymentTerms, "paymentTerms", 32);
        Checks.required(bankAccount, "bankAccount");
        requestingLegalEntities = List.copyOf(Checks.required(requestingLegalEntities, "requestingLegalEntities"));
        if (requestingLegalEntities.isEmpty() || new HashSet<>(requestingLegalEntities).size()
                < requestingLegalEntities.size()) {
            throw new IllegalArgumentException("requesting legal entities must be non-empty and distinct");
        }
        Checks.text(requestedBy, "requestedBy", 128);
    }
}
