package org.integrationledger.model.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** The owning system changed golden-record fields (name, addresses, payment terms): a new version. */
public record ChangeSupplierDetails(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier SupplierId supplierId, String legalName, List<Address> addresses,
        String paymentTerms, String changedBy) implements ConnectorMessage {

    public ChangeSupplierDetails {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(supplierId, "supplierId");
        Checks.text(legalName, "legalName", 200);
        addresses = List.copyOf(Checks.required(addresses, "addresses"));
        Checks.text(paymentTerms, "paymentTerms", 32);
        Checks.text(changedBy, "changedBy", 128);
    }
}
