package org.integrationledger.model.invoice;

import org.axonframework.serialization.Revision;
import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;

import java.time.Instant;
import java.util.List;

/**
 * A posting or payment of the invoice broke a finance control (or, {@code RECENT_BANK_ACCOUNT_CHANGE}, must be
 * reviewed): recorded next to the fact, never instead of it. {@code paymentReference} names the payment (null for
 * a posting); the bank fields are set for the beneficiary control only: the account paid, the golden record's
 * account and version in force at the payment's business time, and the paying ERP when it had not yet
 * acknowledged that version. {@code evidence} names the supplier events the control was judged on.
 */
@Revision("1")
public record InvoiceControlViolated(InvoiceId invoiceId, LegalEntityId legalEntity, SupplierId supplier,
        ControlKind kind, String paymentReference, ProtectedBankAccount paidAccount,
        ProtectedBankAccount goldenRecordAccount, Integer goldenRecordVersion, SystemId notYetAcknowledgedBy,
        String detail, List<ControlEvidence> evidence, SystemId reportingSystem, Instant occurredAt)
        implements InvoiceEvent {

    public InvoiceControlViolated {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    @Override
    public <R, A> R accept(InvoiceEvent.Visitor<R, A> visitor, A argument) {
        return visitor.on(this, argument);
    }
}
