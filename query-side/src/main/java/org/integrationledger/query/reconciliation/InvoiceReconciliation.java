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
import java.util.function.UnaryOperator;

/**
 * Rules of the reconciliation view for invoices and their payments. An invoice: procurement is the source, the
 * tax engine validates it, the ERP it is routed to posts it, treasury pays it. A payment: treasury executed it and
 * procurement must acknowledge the confirmation (question 4). A payment is a document of its own, kept with its
 * invoice's state because the invoice's payment events change both; the duplicates an invoice's events catch are
 * kept with it too ({@link DuplicatesCaught}).
 */
final class InvoiceReconciliation implements Fold<InvoiceEvent, ReconciliationState>,
        InvoiceEvent.Visitor<DocumentState, DocumentState> {

    /** The system that acknowledges payment confirmations: procurement. */
    private static final String PROCUREMENT = "PROCUREMENT";

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
        DocumentState touched = state.document().touched(event.occurredAt(), recorded.recordedAt());
        if (event.legalEntity() != null) {
            touched = touched.withLegalEntity(event.legalEntity().value());
        }
        DocumentState invoice = settledInvoice(event.accept(this, touched), regions);
        ReconciliationState next = state.withDocument(invoice);
        String reference = event.accept(paymentReference, null);
        if (reference != null) {
            String id = paymentId(event, reference);
            DocumentState known = state.payments().get(id);
            DocumentState payment = (known == null ? new DocumentState(DocumentType.PAYMENT, id) : known)
                    .touched(event.occurredAt(), recorded.recordedAt()).withParentKey(event.invoiceId().value());
            if (event.legalEntity() != null) {
                payment = payment.withLegalEntity(event.legalEntity().value());
            }
            if (invoice.region() != null) {
                payment = payment.withRegion(invoice.region());
            }
            payment = event.accept(paymentRules, payment);
            next = next.withPayment(payment.withDivergences(paymentDivergences(payment)));
        }
        return next.withDuplicates(event.accept(duplicates, new DuplicatesCaught.Caught(state.duplicates(), recorded)));
    }

    @Override
    public DocumentState on(InvoiceReceived received, DocumentState invoice) {
        String system = received.reportingSystem().value();
        DocumentState changed = invoice.withSourceKnown(true).withSourceSystem(system)
                .withStatus(invoice.status() == null ? DocumentStatus.RECEIVED : invoice.status())
                .withBusinessKey(received.supplierInvoiceNumber().toString())
                .withParentKey(received.purchaseOrderId().value()).withSupplierId(received.supplier().value())
                .withRoutedTo(received.routedTo().value()).withRegion(received.region())
                .withAmount(received.gross()).withSourceReportedAt(received.occurredAt()).withCurrentVersion(1);
        return row(changed, system, SystemRole.SOURCE, received, row -> row.withState(PositionState.RECEIVED)
                .withVersion(1).withReference(received.supplierInvoiceNumber().toString())
                .withAmount(received.gross()));
    }

    @Override
    public DocumentState on(InvoiceMatched matched, DocumentState invoice) {
        return clearControlViolations(invoice.withStatus(DocumentStatus.MATCHED));
    }

    @Override
    public DocumentState on(InvoiceMatchVarianceFound variance, DocumentState invoice) {
        return invoice.withStatus(DocumentStatus.MATCH_VARIANCE);
    }

    @Override
    public DocumentState on(InvoiceTaxValidated validated, DocumentState invoice) {
        return row(invoice, validated.reportingSystem().value(), SystemRole.TAX, validated, tax -> tax
                .withState(PositionState.VALIDATED).withVersion(1).withRejectedVersion(null)
                .withReference(validated.taxRegime()));
    }

    @Override
    public DocumentState on(InvoiceTaxValidationFailed failed, DocumentState invoice) {
        return row(invoice, failed.reportingSystem().value(), SystemRole.TAX, failed, tax -> tax
                .withState(PositionState.FAILED).withVersion(null).withRejectedVersion(1)
                .withReference(String.join(",", failed.reasonCodes())));
    }

    /** Exceptions have their own queue; a duplicate suspicion is listed among the duplicates caught. */
    @Override
    public DocumentState on(InvoiceExceptionRaised raised, DocumentState invoice) {
        return invoice;
    }

    /** An override accepts the invoice as it is, and with it a posting against the control. */
    @Override
    public DocumentState on(InvoiceExceptionResolved resolved, DocumentState invoice) {
        if (resolved.resolution() != ExceptionResolution.OVERRIDE) {
            return invoice;
        }
        return clearControlViolations(invoice.withStatus(DocumentStatus.OVERRIDDEN));
    }

    @Override
    public DocumentState on(InvoicePostedInErp posted, DocumentState invoice) {
        String system = posted.reportingSystem().value();
        return row(invoice, system, role(invoice, system), posted, erp -> erp.withState(PositionState.POSTED)
                .withVersion(1).withReference(posted.erpDocumentNumber())
                .withStatus(erp.status() == PositionStatus.POSTED_UNMATCHED ? erp.status() : PositionStatus.OPEN));
    }

    @Override
    public DocumentState on(InvoicePostingControlViolated violated, DocumentState invoice) {
        String system = violated.reportingSystem().value();
        return row(invoice, system, role(invoice, system), violated, erp -> erp
                .withStatus(PositionStatus.POSTED_UNMATCHED).withReference(violated.erpDocumentNumber()));
    }

    @Override
    public DocumentState on(InvoicePostingRejected rejected, DocumentState invoice) {
        String system = rejected.reportingSystem().value();
        return row(invoice, system, role(invoice, system), rejected, erp -> erp.withState(PositionState.REJECTED)
                .withRejectedVersion(1).withVersion(null)
                .withReference(erp.reference() == null ? rejected.reasonCode() : erp.reference()));
    }

    /** A rejection older than the posting that followed it changes no system's position. */
    @Override
    public DocumentState on(StaleInvoicePostingRejectionRecorded stale, DocumentState invoice) {
        return invoice;
    }

    /** An ERP other than the routed one scheduled a payment: it is on the invoice, flagged WRONG_SYSTEM. */
    @Override
    public DocumentState on(InvoicePaymentScheduled scheduled, DocumentState invoice) {
        if (!Boolean.TRUE.equals(scheduled.notTheRoutedErp())) {
            return invoice;
        }
        return row(invoice, scheduled.reportingSystem().value(), SystemRole.OTHER, scheduled, erp -> erp.state() != null
                ? erp : erp.withState(PositionState.PAYMENT_SCHEDULED).withReference(scheduled.paymentReference()));
    }

    @Override
    public DocumentState on(InvoicePaymentExecuted executed, DocumentState invoice) {
        return row(invoice, executed.reportingSystem().value(), SystemRole.TREASURY, executed, treasury -> treasury
                .withState(PositionState.PAID).withReference(executed.paymentReference())
                .withAmount(executed.totalPaid()));
    }

    @Override
    public DocumentState on(InvoiceOverpaymentFlagged overpaid, DocumentState invoice) {
        return row(invoice, overpaid.reportingSystem().value(), SystemRole.TREASURY, overpaid, treasury -> treasury
                .withAmount(overpaid.totalPaid()).withStatus(PositionStatus.OVERPAID));
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

    /**
     * A finance control broken by a posting marks the posting ERP's row (STATUS_MISMATCH), one broken by a payment
     * the treasury row (another account: BANK_ACCOUNT_MISMATCH; another currency than the invoice's:
     * AMOUNT_MISMATCH; a blocked or unapproved supplier: STATUS_MISMATCH). A review flag (a recent bank-account
     * change, an account not reported) is no divergence: nothing is known to differ.
     */
    @Override
    public DocumentState on(InvoiceControlViolated violated, DocumentState invoice) {
        String system = violated.reportingSystem().value();
        if (violated.paymentReference() != null) {
            return row(invoice, system, SystemRole.TREASURY, violated, treasury -> markPayment(treasury,
                    violated.kind()));
        }
        // Judged when the posting arrived, or at the receipt when the ERP reported first: the posting ERP's row.
        return invoice.systems().values().stream().filter(row -> row.state() == PositionState.POSTED)
                .sorted((a, b) -> Boolean.compare(b.system().equals(system), a.system().equals(system)))
                .findFirst().map(erp -> invoice.with(erp.withStatus(PositionStatus.POSTED_UNMATCHED)))
                .orElse(invoice);
    }

    private static SystemRow markPayment(SystemRow treasury, ControlKind kind) {
        return switch (kind) {
            case PAYMENT_TO_OTHER_ACCOUNT -> treasury.withBankAccountMismatch(true);
            case PAYMENT_CURRENCY_MISMATCH -> treasury.withPaidInOtherCurrency(true);
            case PAYMENT_BLOCKED_SUPPLIER, PAYMENT_UNAPPROVED_SUPPLIER, POSTING_CONTROL, POSTING_BLOCKED_SUPPLIER,
                 POSTING_UNAPPROVED_SUPPLIER -> treasury.status() == PositionStatus.OVERPAID ? treasury
                    : treasury.withStatus(PositionStatus.PAID_AGAINST_CONTROL);
            // A flag for review: the payment is not known to differ from anything.
            case RECENT_BANK_ACCOUNT_CHANGE, BENEFICIARY_NOT_REPORTED -> treasury;
        };
    }

    /**
     * The invoice with its divergences open now, recomputed from its whole state: each ERP's role follows the
     * routing, and a routed ERP without a row gains a PENDING one.
     *
     * @param regions the region of each system: an invoice known only downstream has no region of its own yet
     */
    static DocumentState settledInvoice(DocumentState invoice, SystemRegions regions) {
        List<OpenDivergence> open = new ArrayList<>();
        if (!invoice.sourceKnown()) {
            // One flag per system that reported the invoice ahead of procurement, in that system's region.
            invoice.systems().values().forEach(row -> open.add(new OpenDivergence(
                    Divergence.KNOWN_ONLY_DOWNSTREAM, row.system(), regions.of(row.system()),
                    invoice.firstBusinessTime(), row.system() + " reported the invoice before procurement did")));
            return invoice.withDivergences(open);
        }
        DocumentState routed = invoice.withEachSystem(row -> row.role() == SystemRole.ROUTED
                || row.role() == SystemRole.OTHER ? row.withRole(row.system().equals(invoice.routedTo())
                ? SystemRole.ROUTED : SystemRole.OTHER) : row);
        boolean routedSeen = false;
        for (SystemRow row : routed.systems().values()) {
            if (row.role() == SystemRole.ROUTED) {
                routedSeen = true;
                if (!row.holdsAVersion()) {
                    open.add(flag(invoice, Divergence.NOT_ACKNOWLEDGED, row, invoice.sourceReportedAt(),
                            row.system() + " has not posted the invoice"));
                }
            }
            if (row.role() == SystemRole.OTHER) {
                open.add(flag(invoice, Divergence.WRONG_SYSTEM, row, row.businessTime(), "routed to "
                        + invoice.routedTo() + " but reported by " + row.system()));
            }
            if ((row.role() == SystemRole.ROUTED || row.role() == SystemRole.OTHER) && row.refusedItsLatest()) {
                open.add(flag(invoice, Divergence.REJECTED, row, row.businessTime(), row.system()
                        + " refused to post the invoice"));
            }
            if (row.status() == PositionStatus.POSTED_UNMATCHED) {
                open.add(flag(invoice, Divergence.STATUS_MISMATCH, row, row.businessTime(), row.system()
                        + " posted the invoice against the posting control (unmatched, open exceptions or not the"
                        + " routed ERP, or a blocked or unapproved supplier)"));
            }
            if (row.role() == SystemRole.TAX && row.refusedItsLatest()) {
                open.add(flag(invoice, Divergence.REJECTED, row, row.businessTime(), "tax validation failed ("
                        + row.reference() + ")"));
            }
            if (row.role() == SystemRole.TREASURY) {
                paymentControlDivergences(invoice, row, open);
            }
            if (row.role() == SystemRole.TREASURY) {
                treasuryAmountMismatch(invoice, row).ifPresent(open::add);
            }
        }
        if (!routedSeen && invoice.routedTo() != null) {
            SystemRow pending = routed.system(invoice.routedTo()).withRole(SystemRole.ROUTED)
                    .withState(PositionState.PENDING);
            routed = routed.with(pending);
            open.add(flag(invoice, Divergence.NOT_ACKNOWLEDGED, pending, invoice.sourceReportedAt(),
                    invoice.routedTo() + " has not posted the invoice"));
        }
        return routed.withDivergences(open);
    }

    static List<OpenDivergence> paymentDivergences(DocumentState payment) {
        List<OpenDivergence> open = new ArrayList<>();
        for (SystemRow row : payment.systems().values()) {
            if (row.role() == SystemRole.OTHER) {
                open.add(flag(payment, Divergence.WRONG_SYSTEM, row, row.businessTime(), row.system()
                        + " sent the confirmation, but the invoice is routed to another ERP"));
            }
            if (row.role() == SystemRole.SOURCE) {
                paymentControlDivergences(payment, row, open);
                if (row.paidInOtherCurrency()) {
                    open.add(flag(payment, Divergence.AMOUNT_MISMATCH, row, row.businessTime(), row.system() + " paid "
                            + DocumentState.money(row.amount(), row.currency())
                            + ", not in the invoice's currency: not counted in the invoice's total paid"));
                }
            }
            if (row.role() == SystemRole.CONFIRMATION && payment.sourceKnown() && !row.holdsAVersion()) {
                open.add(flag(payment, Divergence.NOT_ACKNOWLEDGED, row, payment.sourceReportedAt(),
                        "procurement has not acknowledged the payment confirmation"
                                + (row.state() == PositionState.DELIVERED ? " (delivered)" : " (not delivered)")));
            }
        }
        if (!payment.sourceKnown()) {
            // Procurement reported a confirmation of a payment treasury has not reported: in the invoice's region.
            payment.systems().values().stream().filter(row -> row.role() == SystemRole.CONFIRMATION).forEach(row ->
                    open.add(new OpenDivergence(Divergence.KNOWN_ONLY_DOWNSTREAM, row.system(), payment.region(),
                            payment.firstBusinessTime(),
                            row.system() + " reported a confirmation before the payment")));
        }
        return open;
    }

    private static void paymentControlDivergences(DocumentState document, SystemRow row, List<OpenDivergence> open) {
        if (row.bankAccountMismatch()) {
            open.add(flag(document, Divergence.BANK_ACCOUNT_MISMATCH, row, row.businessTime(), row.system()
                    + " paid another bank account than the supplier's golden record held at the payment"));
        }
        if (row.status() == PositionStatus.PAID_AGAINST_CONTROL) {
            open.add(flag(document, Divergence.STATUS_MISMATCH, row, row.businessTime(), row.system()
                    + " paid while the supplier was blocked or not approved"));
        }
    }

    /**
     * Treasury's total paid differs from the invoice: above its gross, or (a payment in another currency, which the
     * total leaves out) not comparable with it. One flag per row, naming both when both hold.
     */
    private static Optional<OpenDivergence> treasuryAmountMismatch(DocumentState invoice, SystemRow treasury) {
        List<String> why = new ArrayList<>();
        if (treasury.status() == PositionStatus.OVERPAID) {
            why.add(treasury.system() + " paid " + DocumentState.money(treasury.amount(), treasury.currency())
                    + " against a gross of " + DocumentState.money(invoice.amount(), invoice.currency()));
        }
        if (treasury.paidInOtherCurrency()) {
            why.add(treasury.system() + " paid in another currency than the invoice's " + invoice.currency()
                    + ", which its total paid leaves out (no exchange rate)");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(flag(invoice, Divergence.AMOUNT_MISMATCH, treasury,
                treasury.businessTime(), String.join("; ", why)));
    }

    private static DocumentState clearControlViolations(DocumentState invoice) {
        return invoice.withEachSystem(row -> row.status() == PositionStatus.POSTED_UNMATCHED
                ? row.withStatus(PositionStatus.OPEN) : row);
    }

    private static SystemRole role(DocumentState invoice, String system) {
        return invoice.routedTo() == null || system.equals(invoice.routedTo()) ? SystemRole.ROUTED : SystemRole.OTHER;
    }

    private static OpenDivergence flag(DocumentState document, Divergence divergence, SystemRow row, Instant since,
                                       String detail) {
        return new OpenDivergence(divergence, row.system(), document.region(),
                since == null ? document.lastBusinessTime() : since, detail);
    }

    /** The payment's procurement row (the confirmation's), touched by the event, then changed. */
    private static DocumentState confirmation(DocumentState payment, InvoiceEvent event,
                                              UnaryOperator<SystemRow> change) {
        SystemRow row = payment.systems().values().stream().filter(r -> r.role() == SystemRole.CONFIRMATION)
                .findFirst().orElseGet(() -> payment.system(PROCUREMENT));
        return payment.with(change.apply(row.withRole(SystemRole.CONFIRMATION)
                .touched(event.occurredAt(), payment.lastRecordedAt())));
    }

    /** The system's row in the role, touched by the event (recorded when the document was touched), then changed. */
    private static DocumentState row(DocumentState document, String system, SystemRole role, InvoiceEvent event,
                                     UnaryOperator<SystemRow> change) {
        return document.withSystem(system, row -> change.apply(row.withRole(role)
                .touched(event.occurredAt(), document.lastRecordedAt())));
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
            DocumentState changed = payment.withSourceKnown(true).withSourceSystem(system)
                    .withStatus(DocumentStatus.EXECUTED).withBusinessKey(executed.paymentReference())
                    .withSupplierId(executed.supplier().value()).withAmount(executed.amount())
                    .withSourceReportedAt(executed.occurredAt()).withCurrentVersion(1);
            changed = row(changed, system, SystemRole.SOURCE, executed, source -> source
                    .withState(PositionState.EXECUTED).withVersion(1).withReference(executed.paymentReference())
                    .withAmount(executed.amount()));
            // Procurement must acknowledge the confirmation; it is expected from the execution on.
            boolean expected = changed.systems().values().stream()
                    .anyMatch(row -> row.role() == SystemRole.CONFIRMATION);
            return expected ? changed : changed.withSystem(PROCUREMENT, row -> row
                    .withRole(SystemRole.CONFIRMATION).withState(PositionState.PENDING)
                    .withPendingSince(executed.occurredAt()));
        }

        @Override
        public DocumentState on(PaymentConfirmationDelivered delivered, DocumentState payment) {
            DocumentState changed = payment;
            if (Boolean.TRUE.equals(delivered.notTheRoutedErp())) {
                changed = row(payment, delivered.reportingSystem().value(), SystemRole.OTHER, delivered, erp -> erp
                        .withState(PositionState.DELIVERED).withReference(delivered.paymentReference()));
            }
            return confirmation(changed, delivered, procurement -> (procurement.version() == null
                    ? procurement.withState(PositionState.DELIVERED) : procurement)
                    .withReference(delivered.paymentReference()));
        }

        @Override
        public DocumentState on(PaymentConfirmationAcknowledged acknowledged, DocumentState payment) {
            return confirmation(payment, acknowledged, procurement -> procurement
                    .withState(PositionState.ACKNOWLEDGED).withVersion(1)
                    .withReference(acknowledged.paymentReference()).withPendingSince(null));
        }

        @Override
        public DocumentState on(InvoiceControlViolated violated, DocumentState payment) {
            return row(payment, violated.reportingSystem().value(), SystemRole.SOURCE, violated,
                    source -> markPayment(source, violated.kind()));
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
