package org.integrationledger.model.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/** Someone in the owning system proposes a new bank account; it waits for a second person's approval. */
public record ProposeBankAccountChange(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier SupplierId supplierId, ProtectedBankAccount bankAccount, String proposedBy)
        implements ConnectorMessage {

    public ProposeBankAccountChange {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(supplierId, "supplierId");
        Checks.required(bankAccount, "bankAccount");
        Checks.text(proposedBy, "proposedBy", 128);
    }
}
