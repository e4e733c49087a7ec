package org.integrationledger.model.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.ConnectorMessage;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SystemId;

import org.integrationledger.model.shared.Money;
import org.integrationledger.model.supplier.ProtectedBankAccount;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Treasury reports that it executed a payment (possibly partial) of the invoice, to the beneficiary bank account
 * it names (only in its protected form: masked and fingerprinted at the web boundary), or null when treasury did
 * not say (the payment is then flagged for review, BENEFICIARY_NOT_REPORTED).
 */
public record RecordPaymentExecution(MessageId messageId, SystemId reportingSystem, Instant occurredAt,
        @TargetAggregateIdentifier InvoiceId invoiceId,
        String paymentReference, Money amount, LocalDate valueDate, ProtectedBankAccount beneficiaryAccount)
        implements ConnectorMessage {

    public RecordPaymentExecution {
        Checks.required(messageId, "messageId");
        Checks.required(reportingSystem, "reportingSystem");
        Checks.required(occurredAt, "occurredAt");
        Checks.required(invoiceId, "invoiceId");
        Checks.text(paymentReference, "paymentReference", 64);
        Checks.required(amount, "amount");
        Checks.required(valueDate, "valueDate");
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("a payment amount must be positive");
        }
    }
}
