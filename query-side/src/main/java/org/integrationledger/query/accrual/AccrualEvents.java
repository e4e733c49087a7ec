package org.integrationledger.query.accrual;

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
import org.integrationledger.query.representable.RepresentableValues;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Applies one event to a batch of accrual writes ({@link AccrualBatch}): loads the order's facts, applies the event
 * by {@link AccrualFold}, and adds what it added with the balance changes and line states {@link AccrualBalances}
 * derives from it. The
 * projection applies events to the live tables, a rebuild to the tables beside them, by the same rules. The facts'
 * key is the event id, so an event applied again writes nothing. An event with a value a view cannot store is
 * refused by name before any SQL.
 */
final class AccrualEvents {

    private final AccrualBatch facts;

    AccrualEvents(AccrualBatch batch) {
        this.facts = batch;
    }

    /** Applies the event if the fold uses its type; any other payload changes nothing. */
    void apply(Object payload, String id, Instant recordedAt) {
        Context context = new Context(id, recordedAt, new Recorded(id, recordedAt));
        if (payload instanceof PurchaseOrderEvent event) {
            event.accept(orders, context);
        } else if (payload instanceof InvoiceEvent event) {
            event.accept(invoices, context);
        }
    }

    /** The event's own id and recorded time, and the fold's view of them. */
    private record Context(String id, Instant recordedAt, Recorded recorded) {
    }

    /** Each order event the fold uses, by the order it names; the compiler asks about every new one. */
    private final PurchaseOrderEvent.Visitor<Void, Context> orders = new PurchaseOrderEvent.Visitor<>() {

        @Override
        public Void on(RequisitionApproved event, Context context) {
            return null;
        }

        @Override
        public Void on(PurchaseOrderIssued event, Context context) {
            return order(event, event.purchaseOrderId().value(), context,
                    s -> AccrualFold.apply(s, event, context.recorded()));
        }

        @Override
        public Void on(PurchaseOrderAmended event, Context context) {
            return order(event, event.purchaseOrderId().value(), context,
                    s -> AccrualFold.apply(s, event, context.recorded()));
        }

        @Override
        public Void on(StaleAmendmentRecorded event, Context context) {
            return null;
        }

        @Override
        public Void on(PurchaseOrderPostedInErp event, Context context) {
            return order(event, event.purchaseOrderId().value(), context,
                    s -> AccrualFold.apply(s, event, context.recorded()));
        }

        @Override
        public Void on(StalePostingAcknowledgmentRecorded event, Context context) {
            return order(event, event.purchaseOrderId().value(), context,
                    s -> AccrualFold.apply(s, event, context.recorded()));
        }

        @Override
        public Void on(PurchaseOrderPostingRejected event, Context context) {
            return null;
        }

        @Override
        public Void on(GoodsReceived event, Context context) {
            return order(event, event.purchaseOrderId().value(), context,
                    s -> AccrualFold.apply(s, event, context.recorded()));
        }

        @Override
        public Void on(GoodsReceiptPostedInErp event, Context context) {
            return order(event, event.purchaseOrderId().value(), context,
                    s -> AccrualFold.apply(s, event, context.recorded()));
        }

        @Override
        public Void on(PurchaseOrderCancelled event, Context context) {
            return null;
        }

        @Override
        public Void on(PurchaseOrderClosed event, Context context) {
            return null;
        }
    };

    /** Each invoice event the fold uses, by its order (named, or known from the invoice's receipt). */
    private final InvoiceEvent.Visitor<Void, Context> invoices = new InvoiceEvent.Visitor<>() {

        @Override
        public Void on(InvoiceReceived event, Context context) {
            return order(event, event.purchaseOrderId().value(), context,
                    s -> AccrualFold.apply(s, event, context.recorded()));
        }

        @Override
        public Void on(InvoiceMatched event, Context context) {
            return order(event, event.purchaseOrderId().value(), context,
                    s -> AccrualFold.apply(s, event, context.recorded()));
        }

        @Override
        public Void on(InvoiceMatchVarianceFound event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoiceTaxValidated event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoiceTaxValidationFailed event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoiceExceptionRaised event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoiceExceptionResolved event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoicePostedInErp event, Context context) {
            RepresentableValues.requireRepresentable(event, context.recordedAt());
            facts.purchaseOrderOf(event.invoiceId().value()).ifPresent(order ->
                    order(order, context.id(), s -> AccrualFold.apply(s, event, context.recorded())));
            return null;
        }

        @Override
        public Void on(InvoicePostingControlViolated event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoicePostingRejected event, Context context) {
            return null;
        }

        @Override
        public Void on(StaleInvoicePostingRejectionRecorded event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoicePaymentScheduled event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoicePaymentExecuted event, Context context) {
            RepresentableValues.requireRepresentable(event, context.recordedAt());
            facts.purchaseOrderOf(event.invoiceId().value()).ifPresent(order ->
                    order(order, context.id(), s -> AccrualFold.apply(s, event, context.recorded())));
            return null;
        }

        @Override
        public Void on(InvoiceOverpaymentFlagged event, Context context) {
            return null;
        }

        @Override
        public Void on(PaymentConfirmationDelivered event, Context context) {
            return null;
        }

        @Override
        public Void on(PaymentConfirmationAcknowledged event, Context context) {
            return null;
        }

        @Override
        public Void on(DuplicateInvoiceSubmissionCaught event, Context context) {
            return null;
        }

        @Override
        public Void on(InvoiceControlViolated event, Context context) {
            return null;
        }
    };

    private Void order(Object event, String purchaseOrderId, Context context, UnaryOperator<OrderFacts> fold) {
        RepresentableValues.requireRepresentable(event, context.recordedAt());
        order(purchaseOrderId, context.id(), fold);
        return null;
    }

    private void order(String purchaseOrderId, String eventId, UnaryOperator<OrderFacts> fold) {
        OrderFacts before = facts.load(purchaseOrderId);
        // Delivered again: its facts, and the balance changes they made, are there already.
        if (before.facts().stream().anyMatch(fact -> fact.eventId().equals(eventId))) {
            return;
        }
        OrderFacts after = fold.apply(before);
        facts.applied(after, AccrualBalances.of(after));
    }
}
