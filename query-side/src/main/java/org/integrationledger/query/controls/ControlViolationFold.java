package org.integrationledger.query.controls;

import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.controls.ControlViolation;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.supplier.ProtectedBankAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules of the controls report, a fold over invoice events: receipts, postings and payments update the invoice's
 * context; each violation event becomes one report row whose evidence is the fact it accompanies (the posting or
 * payment, or the receipt when the ERP reported first), the violation event itself, and the events the command side
 * judged it on (the supplier's, or the receipt that fixed the invoice's currency). One method per event type; the
 * projection calls them, the tests too.
 */
final class ControlViolationFold {

    private ControlViolationFold() {
    }

    static InvoiceContext apply(InvoiceContext context, InvoiceReceived event, ControlEvidence self) {
        return new InvoiceContext(context.invoiceId(), event.legalEntity().value(), event.region(),
                event.supplier().value(), self, context.lastPosting(), context.lastPayment());
    }

    static InvoiceContext apply(InvoiceContext context, InvoicePostedInErp event, ControlEvidence self) {
        return new InvoiceContext(context.invoiceId(), context.legalEntity(), context.region(), context.supplierId(),
                context.receipt(), self, context.lastPayment());
    }

    static InvoiceContext apply(InvoiceContext context, InvoicePaymentExecuted event, ControlEvidence self) {
        return new InvoiceContext(context.invoiceId(), context.legalEntity(), context.region(), context.supplierId(),
                context.receipt(), context.lastPosting(), self);
    }

    static ControlViolation violation(InvoiceContext context, InvoicePostingControlViolated event,
                                      ControlEvidence self) {
        String open = event.openExceptions().stream().map(Enum::name).collect(Collectors.joining(", "));
        String detail = "posted as " + event.erpDocumentNumber() + " while the invoice was "
                + (event.matchStatus() == null ? "not matched" : event.matchStatus().name().toLowerCase())
                + (open.isEmpty() ? "" : ", open exceptions: " + open) + " (reported by " + event.reportingSystem()
                + ")";
        return new ControlViolation(violationId(self), ControlKind.POSTING_CONTROL, context.invoiceId(), null,
                context.supplierId(), legalEntity(context, event.legalEntity()), context.region(),
                event.reportingSystem().value(), detail, null, null, null, null, event.occurredAt(),
                self.recordedAt(), evidence(accompanied(context, null), self, List.of()));
    }

    static ControlViolation violation(InvoiceContext context, InvoiceControlViolated event, ControlEvidence self) {
        return new ControlViolation(violationId(self), event.kind(), context.invoiceId(), event.paymentReference(),
                event.supplier().value(), legalEntity(context, event.legalEntity()), context.region(),
                event.reportingSystem().value(), event.detail(), masked(event.paidAccount()),
                masked(event.goldenRecordAccount()), event.goldenRecordVersion(),
                event.notYetAcknowledgedBy() == null ? null : event.notYetAcknowledgedBy().value(),
                event.occurredAt(), self.recordedAt(),
                evidence(accompanied(context, event.paymentReference()), self, judgedOn(context, event)));
    }

    /**
     * The events the command side judged the violation on: the supplier events it names, or, for a payment in
     * another currency, the receipt (it fixed the invoice's currency).
     */
    private static List<ControlEvidence> judgedOn(InvoiceContext context, InvoiceControlViolated event) {
        if (event.kind() == ControlKind.PAYMENT_CURRENCY_MISMATCH && context.receipt() != null) {
            return List.of(context.receipt());
        }
        return event.evidence();
    }

    /** Stable across replays: the violation event's place in its invoice's history. */
    static String violationId(ControlEvidence self) {
        return self.documentId() + "/" + self.sequenceNumber();
    }

    private static ControlEvidence accompanied(InvoiceContext context, String paymentReference) {
        if (paymentReference != null) {
            return context.lastPayment();
        }
        // A posting the ERP reported before the invoice is judged at the receipt: both are the evidence then.
        return context.lastPosting() != null ? context.lastPosting() : context.receipt();
    }

    private static List<ControlEvidence> evidence(ControlEvidence fact, ControlEvidence self,
                                                  List<ControlEvidence> supplier) {
        List<ControlEvidence> all = new ArrayList<>();
        if (fact != null) {
            all.add(fact);
        }
        all.add(self);
        all.addAll(supplier);
        return all;
    }

    private static String legalEntity(InvoiceContext context, LegalEntityId id) {
        return id != null ? id.value() : context.legalEntity();
    }

    private static String masked(ProtectedBankAccount account) {
        return account == null ? null : account.masked();
    }
}
