package org.integrationledger.query.reconciliation;

import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.InvoiceTaxValidationFailed;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.query.fold.Fold;
import org.integrationledger.query.fold.Envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules of the reconciliation view for invoices and their payments. An invoice: procurement is the source, the
 * tax engine validates it, the ERP it is routed to posts it, treasury pays it. A payment: treasury executed it and
 * procurement must acknowledge the confirmation (question 4). A payment is a document of its own, kept with its
 * invoice's state because the invoice's payment events change both; the duplicates an invoice's events catch are
 * kept with it too ({@link DuplicatesCaught}).
 */
final class InvoiceReconciliation implements Fold<InvoiceEvent, ReconciliationState>,
        InvoiceEvent.Visitor<DocumentState, DocumentState> {

    private final SystemRegions regions;
    private final PaymentRules paymentRules = new PaymentRules();
    private final PaymentReference paymentReference = new PaymentReference();
    private final DuplicatesCaught duplicates = new DuplicatesCaught();

    /** @param regions the region of each system: an invoice known only downstream has no region of its own yet */
    InvoiceReconciliation(SystemRegions regions) {
        this.regions = regions;
    }

    /** The payment document of a payment event: one per invoice and payment reference. */
    static String paymentId(InvoiceEvent event, String paymentReference) {
        return event.invoiceId().value() + ":" + paymentReference;
    }

    @Override
    public Class<InvoiceEvent> events() {
        return InvoiceEvent.class;
    }

    @Override
    public String key(InvoiceEvent event) {
        return ReconciliationState.key(DocumentType.INVOICE, event.invoiceId().value());
    }

    @Override
    public ReconciliationState initial(String key) {
        return ReconciliationState.initial(key);
    }

    @Override
    public ReconciliationState apply(ReconciliationState state, InvoiceEvent event, Instant recordedAt) {
        return apply(state, event, Envelope.recordedAt(recordedAt));
    }

    /** The invoice, then (for a payment event) the payment's document, then the duplicates caught. */
    @Override
    public ReconciliationState apply(ReconciliationState state, InvoiceEvent event, Envelope recorded) {
        DocumentState invoice = state.document().copy();
        invoice.touched(event.occurredAt(), recorded.recordedAt());
        if (event.legalEntity() != null) {
            invoice.legalEntity = event.legalEntity().value();
        }
        event.accept(this, invoice);
        invoice.refresh(invoiceDivergences(invoice, regions));
        ReconciliationState next = state.withDocument(invoice);
        String reference = event.accept(paymentReference, null);
        if (reference != null) {
            String id = paymentId(event, reference);
            DocumentState known = state.payments().get(id);
            DocumentState payment = known == null ? new DocumentState(DocumentType.PAYMENT, id) : known.copy();
            payment.touched(event.occurredAt(), recorded.recordedAt());
            payment.parentKey = event.invoiceId().value();
            if (event.legalEntity() != null) {
                payment.legalEntity = event.legalEntity().value();
            }
            if (invoice.region != null) {
                payment.region = invoice.region;
            }
            event.accept(paymentRules, payment);
            payment.refresh(paymentDivergences(payment));
            next = next.withPayment(payment);
        }
        return next.withDuplicates(event.accept(duplicates, new DuplicatesCaught.Caught(state.duplicates(), recorded)));
    }

    @Override
    public DocumentState on(InvoiceReceived received, DocumentState invoice) {
        String system = received.reportingSystem().value();
        invoice.sourceKnown = true;
        invoice.sourceSystem = system;
        invoice.status = invoice.status == null ? DocumentStatus.RECEIVED : invoice.status;
        invoice.businessKey = received.supplierInvoiceNumber().toString();
        invoice.parentKey = received.purchaseOrderId().value();
        invoice.supplierId = received.supplier().value();
        invoice.routedTo = received.routedTo().value();
        invoice.region = received.region();
        invoice.amount = received.gross().amount();
        invoice.currency = received.gross().currency().value();
        invoice.sourceReportedAt = received.occurredAt();
        invoice.currentVersion = 1;
        SystemRow source = row(invoice, system, SystemRole.SOURCE, received);
        source.state = PositionState.RECEIVED;
        source.version = 1;
        source.reference = received.supplierInvoiceNumber().toString();
        source.amount = received.gross().amount();
        source.currency = received.gross().currency().value();
        return invoice;
    }

    @Override
    public DocumentState on(InvoiceMatched matched, DocumentState invoice) {
        invoice.status = DocumentStatus.MATCHED;
        clearControlViolations(invoice);
        return invoice;
    }

    @Override
    public DocumentState on(InvoiceMatchVarianceFound variance, DocumentState invoice) {
        invoice.status = DocumentStatus.MATCH_VARIANCE;
        return invoice;
    }

    @Override
    public DocumentState on(InvoiceTaxValidated validated, DocumentState invoice) {
        SystemRow tax = row(invoice, validated.reportingSystem().value(), SystemRole.TAX, validated);
        tax.state = PositionState.VALIDATED;
        tax.version = 1;
        tax.rejectedVersion = null;
        tax.reference = validated.taxRegime();
        return invoice;
    }

    @Override
    public DocumentState on(InvoiceTaxValidationFailed failed, DocumentState invoice) {
        SystemRow tax = row(invoice, failed.reportingSystem().value(), SystemRole.TAX, failed);
        tax.state = PositionState.FAILED;
        tax.version = null;
        tax.rejectedVersion = 1;
        tax.reference = String.join(",", failed.reasonCodes());
        return invoice;
    }

    /** Exceptions have their own queue; a duplicate suspicion is listed among the duplicates caught. */
    @Override
    public DocumentState on(InvoiceExceptionRaised raised, DocumentState invoice) {
        return invoice;
    }

    /** An override accepts the invoice as it is, and with it a posting against the control. */
    @Override
    public DocumentState on(InvoiceExceptionResolved resolved, DocumentState invoice) {
        if (resolved.resolution() == ExceptionResolution.OVERRIDE) {
            invoice.status = DocumentStatus.OVERRIDDEN;
            clearControlViolations(invoice);
        }
        return invoice;
    }

    @Override
    public DocumentState on(InvoicePostedInErp posted, DocumentState invoice) {
        String system = posted.reportingSystem().value();
        SystemRow erp = row(invoice, system, role(invoice, system), posted);
        erp.state = PositionState.POSTED;
        erp.version = 1;
        erp.reference = posted.erpDocumentNumber();
        erp.status = erp.status == PositionStatus.POSTED_UNMATCHED ? erp.status : PositionStatus.OPEN;
        return invoice;
    }

    @Override
    public DocumentState on(InvoicePostingControlViolated violated, DocumentState invoice) {
        String system = violated.reportingSystem().value();
        SystemRow erp = row(invoice, system, role(invoice, system), violated);
        erp.status = PositionStatus.POSTED_UNMATCHED;
        erp.reference = violated.erpDocumentNumber();
        return invoice;
    }

    @Override
    public DocumentState on(InvoicePostingRejected rejected, DocumentState invoice) {
        String system = rejected.reportingSystem().value();
        SystemRow erp = row(invoice, system, role(invoice, system), rejected);
        erp.state = PositionState.REJECTED;
        erp.rejectedVersion = 1;
        erp.version = null;
        erp.reference = erp.reference == null ? rejected.reasonCode() : erp.reference;
        return invoice;
    }

    /** A rejection older than the posting that followed it changes no system's position. */
    @Override
    public DocumentState on(StaleInvoicePostingRejectionRecorded stale, DocumentState invoice) {
        return invoice;
    }

    /** An ERP other than the routed one scheduled a payment: it is on the invoice, flagged WRONG_SYSTEM. */
    @Override
    public DocumentState on(InvoicePaymentScheduled scheduled, DocumentState invoice) {
        if (Boolean.TRUE.equals(scheduled.notTheRoutedErp())) {
            SystemRow erp = row(invoice, scheduled.reportingSystem().value(), SystemRole.OTHER, scheduled);
            if (erp.state == null) {
                erp.state = PositionState.PAYMENT_SCHEDULED;
                erp.reference = scheduled.paymentReference();
            }
        }
        return invoice;
    }

    @Override
    public DocumentState on(InvoicePaymentExecuted executed, DocumentState invoice) {
        SystemRow treasury = row(invoice, executed.reportingSystem().value(), SystemRole.TREASURY, executed);
        treasury.state = PositionState.PAID;
        treasury.reference = executed.paymentReference();
        treasury.amount = executed.totalPaid().amount();
        treasury.currency = executed.totalPaid().currency().value();
        return invoice;
    }

    @Override
    public DocumentState on(InvoiceOverpaymentFlagged overpaid, DocumentState invoice) {
        SystemRow treasury = row(invoice, overpaid.reportingSystem().value(), SystemRole.TREASURY, overpaid);
        treasury.amount = overpaid.totalPaid().amount();
        treasury.currency = overpaid.totalPaid().currency().value();
        treasury.status = PositionStatus.OVERPAID;
        return invoice;
    }

    /** Confirmations are the payment's document. */
    @Override
    public DocumentState on(PaymentConfirmationDelivered delivered, DocumentState invoice) {
        return invoice;
    }

    @Override
    public DocumentState on(PaymentConfirmationAcknowledged acknowledged, DocumentState invoice) {
        return invoice;
    }

    /** Listed among the duplicates caught; no system's position changes. */
    @Override
    public DocumentState on(DuplicateInvoiceSubmissionCaught caught, DocumentState invoice) {
        return invoice;
    }

    @Override
    public DocumentState on(InvoiceControlViolated violated, DocumentState invoice) {
        controlViolated(invoice, violated);
        return invoice;
    }

    /**
     * A finance control broken by a posting marks the posting ERP's row (STATUS_MISMATCH), one broken by a payment
     * the treasury row (another account: BANK_ACCOUNT_MISMATCH; another currency than the invoice's:
     * AMOUNT_MISMATCH; a blocked or unapproved supplier: STATUS_MISMATCH). A review flag (a recent bank-account
     * change, an account not reported) is no divergence: nothing is known to differ.
     */
    private static void controlViolated(DocumentState invoice, InvoiceControlViolated violated) {
        String system = violated.reportingSystem().value();
        if (violated.paymentReference() == null) {
            // Judged when the posting arrived, or at the receipt when the ERP reported first: the posting ERP's row.
            invoice.systems.values().stream().filter(row -> row.state == PositionState.POSTED)
                    .sorted((a, b) -> Boolean.compare(b.system.equals(system), a.system.equals(system)))
                    .findFirst().ifPresent(erp -> erp.status = PositionStatus.POSTED_UNMATCHED);
        } else {
            markPayment(row(invoice, system, SystemRole.TREASURY, violated), violated.kind());
        }
    }

    private static void markPayment(SystemRow treasury, ControlKind kind) {
        switch (kind) {
            case PAYMENT_TO_OTHER_ACCOUNT -> treasury.bankAccountMismatch = true;
            case PAYMENT_CURRENCY_MISMATCH -> treasury.paidInOtherCurrency = true;
            case PAYMENT_BLOCKED_SUPPLIER, PAYMENT_UNAPPROVED_SUPPLIER, POSTING_CONTROL, POSTING_BLOCKED_SUPPLIER,
                 POSTING_UNAPPROVED_SUPPLIER -> {
                if (treasury.status != PositionStatus.OVERPAID) {
                    treasury.status = PositionStatus.PAID_AGAINST_CONTROL;
                }
            }
            case RECENT_BANK_ACCOUNT_CHANGE, BENEFICIARY_NOT_REPORTED -> {
                // A flag for review: the payment is not known to differ from anything.
            }
        }
    }

    /** @param regions the region of each system: an invoice known only downstream has no region of its own yet */
    static List<OpenDivergence> invoiceDivergences(DocumentState invoice, SystemRegions regions) {
        List<OpenDivergence> open = new ArrayList<>();
        if (!invoice.sourceKnown) {
            // One flag per system that reported the invoice ahead of procurement, in that system's region.
            invoice.systems.values().forEach(row -> open.add(new OpenDivergence(
                    Divergence.KNOWN_ONLY_DOWNSTREAM, row.system, regions.of(row.system),
                    invoice.firstBusinessTime, row.system + " reported the invoice before procurement did")));
            return open;
        }
        boolean routedSeen = false;
        for (SystemRow row : invoice.systems.values()) {
            if (row.role == SystemRole.ROUTED || row.role == SystemRole.OTHER) {
                row.role = row.system.equals(invoice.routedTo) ? SystemRole.ROUTED : SystemRole.OTHER;
            }
            if (row.role == SystemRole.ROUTED) {
                routedSeen = true;
                if (!row.holdsAVersion()) {
                    open.add(flag(invoice, Divergence.NOT_ACKNOWLEDGED, row, invoice.sourceReportedAt,
                            row.system + " has not posted the invoice"));
                }
            }
            if (row.role == SystemRole.OTHER) {
                open.add(flag(invoice, Divergence.WRONG_SYSTEM, row, row.businessTime, "routed to "
                        + invoice.routedTo + " but reported by " + row.system));
            }
            if ((row.role == SystemRole.ROUTED || row.role == SystemRole.OTHER) && row.refusedItsLatest()) {
                open.add(flag(invoice, Divergence.REJECTED, row, row.businessTime, row.system
                        + " refused to post the invoice"));
            }
            if (row.status == PositionStatus.POSTED_UNMATCHED) {
                open.add(flag(invoice, Divergence.STATUS_MISMATCH, row, row.businessTime, row.system
                        + " posted the invoice against the posting control (unmatched, open exceptions or not the"
                        + " routed ERP, or a blocked or unapproved supplier)"));
            }
            if (row.role == SystemRole.TAX && row.refusedItsLatest()) {
                open.add(flag(invoice, Divergence.REJECTED, row, row.businessTime, "tax validation failed ("
                        + row.reference + ")"));
            }
            if (row.role == SystemRole.TREASURY) {
                paymentControlDivergences(invoice, row, open);
            }
            if (row.role == SystemRole.TREASURY) {
                treasuryAmountMismatch(invoice, row).ifPresent(open::add);
            }
        }
        if (!routedSeen && invoice.routedTo != null) {
            SystemRow pending = invoice.system(invoice.routedTo);
            pending.role = SystemRole.ROUTED;
            pending.state = PositionState.PENDING;
            open.add(flag(invoice, Divergence.NOT_ACKNOWLEDGED, pending, invoice.sourceReportedAt,
                    invoice.routedTo + " has not posted the invoice"));
        }
        return open;
    }

    static List<OpenDivergence> paymentDivergences(DocumentState payment) {
        List<OpenDivergence> open = new ArrayList<>();
        for (SystemRow row : payment.systems.values()) {
            if (row.role == SystemRole.OTHER) {
                open.add(flag(payment, Divergence.WRONG_SYSTEM, row, row.businessTime, row.system
                        + " sent the confirmation, but the invoice is routed to another ERP"));
            }
            if (row.role == SystemRole.SOURCE) {
                paymentControlDivergences(payment, row, open);
                if (row.paidInOtherCurrency) {
                    open.add(flag(payment, Divergence.AMOUNT_MISMATCH, row, row.businessTime, row.system + " paid "
                            + DocumentState.money(row.amount, row.currency)
                            + ", not in the invoice's currency: not counted in the invoice's total paid"));
                }
            }
            if (row.role == SystemRole.CONFIRMATION && payment.sourceKnown && !row.holdsAVersion()) {
                open.add(flag(payment, Divergence.NOT_ACKNOWLEDGED, row, payment.sourceReportedAt,
                        "procurement has not acknowledged the payment confirmation"
                                + (row.state == PositionState.DELIVERED ? " (delivered)" : " (not delivered)")));
            }
        }
        if (!payment.sourceKnown) {
            // Procurement reported a confirmation of a payment treasury has not reported: in the invoice's region.
            payment.systems.values().stream().filter(row -> row.role == SystemRole.CONFIRMATION).forEach(row ->
                    open.add(new OpenDivergence(Divergence.KNOWN_ONLY_DOWNSTREAM, row.system, payment.region,
                            payment.firstBusinessTime, row.system + " reported a confirmation before the payment")));
        }
        return open;
    }

    private static void paymentControlDivergences(DocumentState document, SystemRow row, List<OpenDivergence> open) {
        if (row.bankAccountMismatch) {
            open.add(flag(document, Divergence.BANK_ACCOUNT_MISMATCH, row, row.businessTime, row.system
                    + " paid another bank account than the supplier's golden record held at the payment"));
        }
        if (row.status == PositionStatus.PAID_AGAINST_CONTROL) {
            open.add(flag(document, Divergence.STATUS_MISMATCH, row, row.businessTime, row.system
                    + " paid while the supplier was blocked or not approved"));
        }
    }

    /**
     * Treasury's total paid differs from the invoice: above its gross, or (a payment in another currency, which the
     * total leaves out) not comparable with it. One flag per row, naming both when both hold.
     */
    private static Optional<OpenDivergence> treasuryAmountMismatch(DocumentState invoice, SystemRow treasury) {
        List<String> why = new ArrayList<>();
        if (treasury.status == PositionStatus.OVERPAID) {
            why.add(treasury.system + " paid " + DocumentState.money(treasury.amount, treasury.currency)
                    + " against a gross of " + DocumentState.money(invoice.amount, invoice.currency));
        }
        if (treasury.paidInOtherCurrency) {
            why.add(treasury.system + " paid in another currency than the invoice's " + invoice.currency
                    + ", which its total paid leaves out (no exchange rate)");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(flag(invoice, Divergence.AMOUNT_MISMATCH, treasury,
                treasury.businessTime, String.join("; ", why)));
    }

    private static void clearControlViolations(DocumentState invoice) {
        invoice.systems.values().stream().filter(row -> row.status == PositionStatus.POSTED_UNMATCHED)
                .forEach(row -> row.status = PositionStatus.OPEN);
    }

    private static SystemRole role(DocumentState invoice, String system) {
        return invoice.routedTo == null || system.equals(invoice.routedTo) ? SystemRole.ROUTED : SystemRole.OTHER;
    }

    private static OpenDivergence flag(DocumentState document, Divergence divergence, SystemRow row, Instant since,
                                       String detail) {
        return new OpenDivergence(divergence, row.system, document.region,
                since == null ? document.lastBusinessTime : since, detail);
    }

    private static SystemRow confirmation(DocumentState payment, InvoiceEvent event) {
        SystemRow row = payment.systems.values().stream().filter(r -> r.role == SystemRole.CONFIRMATION).findFirst()
                .orElseGet(() -> payment.system("PROCUREMENT"));
        row.role = SystemRole.CONFIRMATION;
        row.businessTime = event.occurredAt();
        row.recordedAt = payment.lastRecordedAt;
        return row;
    }

    /** The system's row in the role, touched by the event (recorded when the document was touched). */
    private static SystemRow row(DocumentState document, String system, SystemRole role, InvoiceEvent event) {
        SystemRow row = document.system(system);
        row.role = role;
        row.businessTime = event.occurredAt();
        row.recordedAt = document.lastRecordedAt;
        return row;
    }

    /** The payment reference an event is about, for the payment's own document; null for the invoice's other events. */
    private static final class PaymentReference implements InvoiceEvent.Visitor<String, Void> {

        @Override
        public String on(InvoiceReceived event, Void none) {
            return null;
        }

        @Override
        public String on(InvoiceMatched event, Void none) {
            return null;
        }

        @Override
        public String on(InvoiceMatchVarianceFound event, Void none) {
            return null;
        }

        @Override
        public String on(InvoiceTaxValidated event, Void none) {
            return null;
        }

        @Override
        public String on(InvoiceTaxValidationFailed event, Void none) {
            return null;
        }

        @Override
        public String on(InvoiceExceptionRaised event, Void none) {
            return null;
        }

        @Override
        public String on(InvoiceExceptionResolved event, Void none) {
            return null;
        }

        @Override
        public String on(InvoicePostedInErp event, Void none) {
            return null;
        }

        @Override
        public String on(InvoicePostingControlViolated event, Void none) {
            return null;
        }

        @Override
        public String on(InvoicePostingRejected event, Void none) {
            return null;
        }

        @Override
        public String on(StaleInvoicePostingRejectionRecorded event, Void none) {
            return null;
        }

        /** A schedule is the ERP's plan on the invoice; the payment exists once treasury executed it. */
        @Override
        public String on(InvoicePaymentScheduled event, Void none) {
            return null;
        }

        @Override
        public String on(InvoicePaymentExecuted event, Void none) {
            return event.paymentReference();
        }

        @Override
        public String on(InvoiceOverpaymentFlagged event, Void none) {
            return null;
        }

        @Override
        public String on(PaymentConfirmationDelivered event, Void none) {
            return event.paymentReference();
        }

        @Override
        public String on(PaymentConfirmationAcknowledged event, Void none) {
            return event.paymentReference();
        }

        @Override
        public String on(DuplicateInvoiceSubmissionCaught event, Void none) {
            return null;
        }

        /** A control broken by a payment names it (null for one broken by a posting). */
        @Override
        public String on(InvoiceControlViolated event, Void none) {
            return event.paymentReference();
        }
    }

    /** The rules of a payment's document, for the events {@link PaymentReference} names a payment of. */
    private static final class PaymentRules implements InvoiceEvent.Visitor<DocumentState, DocumentState> {

        @Override
        public DocumentState on(InvoicePaymentExecuted executed, DocumentState payment) {
            String system = executed.reportingSystem().value();
            payment.sourceKnown = true;
            payment.sourceSystem = system;
            payment.status = DocumentStatus.EXECUTED;
            payment.businessKey = executed.paymentReference();
            payment.supplierId = executed.supplier().value();
            payment.amount = executed.amount().amount();
            payment.currency = executed.amount().currency().value();
            payment.sourceReportedAt = executed.occurredAt();
            payment.currentVersion = 1;
            SystemRow source = row(payment, system, SystemRole.SOURCE, executed);
            source.state = PositionState.EXECUTED;
            source.version = 1;
            source.reference = executed.paymentReference();
            source.amount = executed.amount().amount();
            source.currency = executed.amount().currency().value();
            // Procurement must acknowledge the confirmation; it is expected from the execution on.
            SystemRow procurement = payment.systems.values().stream()
                    .filter(row -> row.role == SystemRole.CONFIRMATION).findFirst().orElse(null);
            if (procurement == null) {
                procurement = payment.system("PROCUREMENT");
                procurement.role = SystemRole.CONFIRMATION;
                procurement.state = PositionState.PENDING;
                procurement.pendingSince = executed.occurredAt();
            }
            return payment;
        }

        @Override
        public DocumentState on(PaymentConfirmationDelivered delivered, DocumentState payment) {
            if (Boolean.TRUE.equals(delivered.notTheRoutedErp())) {
                SystemRow erp = row(payment, delivered.reportingSystem().value(), SystemRole.OTHER, delivered);
                erp.state = PositionState.DELIVERED;
                erp.reference = delivered.paymentReference();
            }
            SystemRow procurement = confirmation(payment, delivered);
            if (procurement.version == null) {
                procurement.state = PositionState.DELIVERED;
            }
            procurement.reference = delivered.paymentReference();
            return payment;
        }

        @Override
        public DocumentState on(PaymentConfirmationAcknowledged acknowledged, DocumentState payment) {
            SystemRow procurement = confirmation(payment, acknowledged);
            procurement.state = PositionState.ACKNOWLEDGED;
            procurement.version = 1;
            procurement.reference = acknowledged.paymentReference();
            procurement.pendingSince = null;
            return payment;
        }

        @Override
        public DocumentState on(InvoiceControlViolated violated, DocumentState payment) {
            SystemRow source = row(payment, violated.reportingSystem().value(), SystemRole.SOURCE, violated);
            markPayment(source, violated.kind());
            return payment;
        }

        // The invoice's other events name no payment, so they never reach a payment's document.

        @Override
        public DocumentState on(InvoiceReceived event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoiceMatched event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoiceMatchVarianceFound event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoiceTaxValidated event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoiceTaxValidationFailed event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoiceExceptionRaised event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoiceExceptionResolved event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoicePostedInErp event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoicePostingControlViolated event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoicePostingRejected event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(StaleInvoicePostingRejectionRecorded event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoicePaymentScheduled event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(InvoiceOverpaymentFlagged event, DocumentState payment) {
            return payment;
        }

        @Override
        public DocumentState on(DuplicateInvoiceSubmissionCaught event, DocumentState payment) {
            return payment;
        }
    }
}
