package org.integrationledger.query.reconciliation;

import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
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
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierDetailsChanged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierPropagationFailed;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.integrationledger.query.fold.Envelope;
import org.integrationledger.query.fold.Fold;
import org.integrationledger.query.fold.FoldOfFamilies;

import java.time.Instant;
import java.util.List;

/**
 * The trace's rules: every event of an order, an invoice or a supplier is one step, kept under the event's own id, in
 * the trace of the document it names; a step that belongs with another document as well says which (its related
 * key), and that is the one thing each event decides here, through its family's visitor (null: none). Nothing else
 * goes into the trace. A step is never changed by a later event, so its state is the step alone.
 */
final class TraceFold {

    private TraceFold() {
    }

    /** The fold of the three families whose events the trace shows. */
    static Fold<Object, TraceRow> fold() {
        return new FoldOfFamilies<>(key -> null, List.of(new Orders(), new Invoices(), new Suppliers()));
    }

    /**
     * One family's steps. A step is keyed by its event's id and made from the event and what the store recorded
     * around it, so the keys and states of a document's fold (from the event alone) do not apply.
     */
    private abstract static class Steps<E> implements Fold<E, TraceRow> {

        private final Class<E> events;

        Steps(Class<E> events) {
            this.events = events;
        }

        /** The event's step, before any other step of its document: its state before is always none. */
        abstract TraceRow step(E event, Envelope envelope);

        @Override
        public Class<E> events() {
            return events;
        }

        @Override
        public String key(E event, Envelope envelope) {
            return envelope.eventId();
        }

        @Override
        public TraceRow apply(TraceRow none, E event, Envelope envelope) {
            return step(event, envelope);
        }

        @Override
        public String key(E event) {
            throw new UnsupportedOperationException("a trace step is keyed by its event's id");
        }

        @Override
        public TraceRow initial(String key) {
            return null;
        }

        @Override
        public TraceRow apply(TraceRow none, E event, Instant recordedAt) {
            throw new UnsupportedOperationException("a trace step is made from the whole recorded event");
        }
    }

    /** An order's steps: its trace key is the order. */
    private static final class Orders extends Steps<PurchaseOrderEvent> implements PurchaseOrderEvent.Visitor<String, Void> {

        private Orders() {
            super(PurchaseOrderEvent.class);
        }

        @Override
        TraceRow step(PurchaseOrderEvent event, Envelope envelope) {
            String id = event.purchaseOrderId().value();
            return TraceRow.step(envelope, id, event.accept(this, null), DocumentType.PURCHASE_ORDER, id,
                    event.reportingSystem().value(), event.occurredAt(), TraceSummaries.describe(event));
        }

        @Override
        public String on(RequisitionApproved event, Void nothing) {
            return null;
        }

        /** The order is issued to its supplier: the supplier's trace up to the order's last step belongs to the order's. */
        @Override
        public String on(PurchaseOrderIssued event, Void nothing) {
            return event.supplier().value();
        }

        @Override
        public String on(PurchaseOrderAmended event, Void nothing) {
            return null;
        }

        @Override
        public String on(StaleAmendmentRecorded event, Void nothing) {
            return null;
        }

        @Override
        public String on(PurchaseOrderPostedInErp event, Void nothing) {
            return null;
        }

        @Override
        public String on(StalePostingAcknowledgmentRecorded event, Void nothing) {
            return null;
        }

        @Override
        public String on(PurchaseOrderPostingRejected event, Void nothing) {
            return null;
        }

        @Override
        public String on(GoodsReceived event, Void nothing) {
            return null;
        }

        @Override
        public String on(GoodsReceiptPostedInErp event, Void nothing) {
            return null;
        }

        @Override
        public String on(PurchaseOrderCancelled event, Void nothing) {
            return null;
        }

        @Override
        public String on(PurchaseOrderClosed event, Void nothing) {
            return null;
        }
    }

    /** An invoice's steps: its trace key is the invoice. */
    private static final class Invoices extends Steps<InvoiceEvent> implements InvoiceEvent.Visitor<String, Void> {

        private Invoices() {
            super(InvoiceEvent.class);
        }

        @Override
        TraceRow step(InvoiceEvent event, Envelope envelope) {
            String id = event.invoiceId().value();
            return TraceRow.step(envelope, id, event.accept(this, null), DocumentType.INVOICE, id,
                    event.reportingSystem().value(), event.occurredAt(), TraceSummaries.describe(event));
        }

        /** An invoice is received against its order: its steps follow in the order's trace. */
        @Override
        public String on(InvoiceReceived event, Void nothing) {
            return event.purchaseOrderId().value();
        }

        @Override
        public String on(InvoiceMatched event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoiceMatchVarianceFound event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoiceTaxValidated event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoiceTaxValidationFailed event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoiceExceptionRaised event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoiceExceptionResolved event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoicePostedInErp event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoicePostingControlViolated event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoicePostingRejected event, Void nothing) {
            return null;
        }

        @Override
        public String on(StaleInvoicePostingRejectionRecorded event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoicePaymentScheduled event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoicePaymentExecuted event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoiceOverpaymentFlagged event, Void nothing) {
            return null;
        }

        @Override
        public String on(PaymentConfirmationDelivered event, Void nothing) {
            return null;
        }

        @Override
        public String on(PaymentConfirmationAcknowledged event, Void nothing) {
            return null;
        }

        @Override
        public String on(DuplicateInvoiceSubmissionCaught event, Void nothing) {
            return null;
        }

        @Override
        public String on(InvoiceControlViolated event, Void nothing) {
            return null;
        }
    }

    /** A supplier's steps: its trace key is the supplier. */
    private static final class Suppliers extends Steps<SupplierEvent> implements SupplierEvent.Visitor<String, Void> {

        private Suppliers() {
            super(SupplierEvent.class);
        }

        @Override
        TraceRow step(SupplierEvent event, Envelope envelope) {
            String id = event.supplierId().value();
            return TraceRow.step(envelope, id, event.accept(this, null), DocumentType.SUPPLIER, id,
                    event.reportingSystem().value(), event.occurredAt(), TraceSummaries.describe(event));
        }

        @Override
        public String on(SupplierRequested event, Void nothing) {
            return null;
        }

        @Override
        public String on(SupplierRequestApproved event, Void nothing) {
            return null;
        }

        @Override
        public String on(SupplierRequestRejected event, Void nothing) {
            return null;
        }

        @Override
        public String on(GoldenRecordCreated event, Void nothing) {
            return null;
        }

        @Override
        public String on(SupplierDetailsChanged event, Void nothing) {
            return null;
        }

        @Override
        public String on(BankAccountChangeProposed event, Void nothing) {
            return null;
        }

        @Override
        public String on(BankAccountChangeApproved event, Void nothing) {
            return null;
        }

        @Override
        public String on(SupplierBlocked event, Void nothing) {
            return null;
        }

        @Override
        public String on(SupplierUnblocked event, Void nothing) {
            return null;
        }

        @Override
        public String on(SupplierVersionPropagationRequested event, Void nothing) {
            return null;
        }

        @Override
        public String on(SupplierCopyAcknowledged event, Void nothing) {
            return null;
        }

        @Override
        public String on(StaleSupplierAcknowledgmentRecorded event, Void nothing) {
            return null;
        }

        @Override
        public String on(SupplierPropagationFailed event, Void nothing) {
            return null;
        }

        @Override
        public String on(DuplicateSupplierRequestCaught event, Void nothing) {
            return null;
        }
    }
}
