package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.supplier.ProtectedBankAccount;

import java.time.LocalDate;
import java.time.Instant;

/**
 * Treasury executed a payment; {@code totalPaid} adds up every payment of the invoice so far in the invoice's
 * currency, against its {@code gross}. A payment in another currency is recorded with its own {@code amount} and
 * leaves {@code totalPaid} as it was (the contract carries no exchange rate); a {@code PAYMENT_CURRENCY_MISMATCH}
 * control violation follows it. {@code beneficiaryAccount} is the account paid, protected; revision 2 added it (null on revision 1
 * events, which the upcaster reads as such: treasury did not say).
 */
@Revision("2")
public record InvoicePaymentExecuted(InvoiceId invoiceId, LegalEntityId legalEntity,
        SupplierId supplier, String paymentReference, Money amount, LocalDate valueDate, Money totalPaid, Money gross,
        ProtectedBankAccount beneficiaryAccount, SystemId reportingSystem, Instant occurredAt) implements InvoiceEvent {

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
