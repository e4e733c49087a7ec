package org.integrationledger.command.invoice;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.RecordPaymentExecution;
import org.integrationledger.model.invoice.ScheduleInvoicePayment;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of an invoice's payments, on what the invoice holds of them: each payment reference is scheduled once
 * and executed once, the total paid adds up the executions in the invoice's currency against its gross, and the
 * first execution that takes it above the gross flags the overpayment.
 * <p>
 * Rule: treasury's execution is a fact of its system of record, so one in another currency than the invoice's is
 * recorded (with its own amount, so confirmations and acknowledgments follow it like any payment) and flagged
 * {@code PAYMENT_CURRENCY_MISMATCH}, but not added to the total paid nor judged by the overpayment control: the
 * contract carries no exchange rate. A schedule in another currency stays refused: it is the ERP's plan to pay this
 * invoice's open amount, which is in the invoice's currency, so it contradicts the invoice it schedules.
 */
record InvoicePayments(InvoiceId invoiceId, LegalEntityId legalEntity, SupplierId supplier, Money gross,
                       Money totalPaid, boolean overpaid, Set<String> scheduled, Map<String, Instant> executed) {

    InvoicePayments {
        scheduled = Set.copyOf(scheduled);
        executed = Map.copyOf(executed);
    }

    InvoicePaymentScheduled schedule(ScheduleInvoicePayment command, boolean notTheRoutedErp) {
        if (!inInvoiceCurrency(command.amount())) {
            throw new RuleViolation(ErrorCode.CURRENCY_MISMATCH, "invoice " + invoiceId + " is in "
                    + gross.currency() + ", the payment schedule in " + command.amount().currency());
        }
        if (scheduled.contains(command.paymentReference())) {
            throw new RuleViolation(ErrorCode.PAYMENT_ALREADY_RECORDED, "payment " + command.paymentReference()
                    + " of invoice " + invoiceId + " is already scheduled");
        }
        return new InvoicePaymentScheduled(invoiceId, legalEntity, command.paymentReference(), command.amount(),
                command.dueDate(), command.reportingSystem(), command.occurredAt(), notTheRoutedErp);
    }

    /**
     * The execution, then what it raises on the invoice's own account: the overpayment the first time the total paid
     * goes above the gross, or the currency violation. The supplier and beneficiary controls are judged apart
     * ({@link InvoiceControls}).
     */
    List<InvoiceEvent> execute(RecordPaymentExecution command) {
        if (executed.containsKey(command.paymentReference())) {
            throw new RuleViolation(ErrorCode.PAYMENT_ALREADY_RECORDED, "payment " + command.paymentReference()
                    + " of invoice " + invoiceId + " was already executed");
        }
        List<InvoiceEvent> recorded = new ArrayList<>();
        boolean counted = inInvoiceCurrency(command.amount());
        Money paidAfter = counted ? totalPaid.plus(command.amount()) : totalPaid;
        recorded.add(new InvoicePaymentExecuted(invoiceId, legalEntity, supplier, command.paymentReference(),
                command.amount(), command.valueDate(), paidAfter, gross, command.beneficiaryAccount(),
                command.reportingSystem(), command.occurredAt()));
        if (!counted) {
            recorded.add(new InvoiceControlViolated(invoiceId, legalEntity, supplier,
                    ControlKind.PAYMENT_CURRENCY_MISMATCH, command.paymentReference(), null, null, null, null,
                    command.reportingSystem() + " paid " + command.amount() + " as payment "
                            + command.paymentReference() + " of an invoice of " + gross
                            + ": not added to its total paid (no exchange rate)", List.of(),
                    command.reportingSystem(), command.occurredAt()));
        } else if (!overpaid && paidAfter.amount().compareTo(gross.amount()) > 0) {
            recorded.add(new InvoiceOverpaymentFlagged(invoiceId, legalEntity, command.paymentReference(), paidAfter,
                    gross, new Money(paidAfter.amount().subtract(gross.amount()), gross.currency()),
                    command.reportingSystem(), command.occurredAt()));
        }
        return recorded;
    }

    /** When the payment was executed (business time); a confirmation names an executed payment only. */
    Instant executedAt(String paymentReference) {
        Instant at = executed.get(paymentReference);
        if (at == null) {
            throw new RuleViolation(ErrorCode.PAYMENT_NOT_FOUND, "invoice " + invoiceId + " has no executed payment "
                    + paymentReference);
        }
        return at;
    }

    private boolean inInvoiceCurrency(Money amount) {
        return amount.currency().equals(gross.currency());
    }
}
