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
import org.integrationledger.query.fold.Envelope;
import org.integrationledger.query.fold.Fold;
import org.integrationledger.query.fold.FoldOfFamilies;

import java.time.Instant;
import java.util.List;

/**
 * The accrual view's fold: what each event does to the facts of its purchase order, decided once per event in its
 * family's visitor ({@link Use}: the order it folds into and the rule of {@link AccrualFold} that adds its facts, or
 * {@link #IGNORED} with the reason), so adding an event to a family fails compilation here until it is handled or
 * ignored. Every state is one order's ({@link OrderFacts}), keyed by its id: an order's events name it, an invoice's
 * receipt and match name it, and the invoice's posting and payment, which name only the invoice, reach it through
 * the link the receipt made ({@link Fold#keyVia}). The facts' key is the event id, so an event delivered again adds
 * nothing. {@link AccrualConfiguration} runs it live, rebuilt and as of an instant in one host.
 */
final class AccrualEvents {

    /** An event that adds no fact: the view does not fold it at all. */
    private static final Use IGNORED = null;

    private AccrualEvents() {
    }

    /** The fold of both families the accrual view reads. */
    static FoldOfFamilies<OrderFacts> fold() {
        return new FoldOfFamilies<>(OrderFacts::empty, List.of(new Orders(), new Invoices()));
    }

    /** The rule that adds an event's facts to its order's state, given the event's id and recorded time. */
    @FunctionalInterface
    private interface Rule {
        OrderFacts apply(OrderFacts state, Recorded recorded);
    }

    /**
     * What the view does with one event: folds it by {@code rule} into the order {@code key} names, or, when
     * {@code viaInvoice} is set instead, into the order that invoice's receipt named; {@code linksInvoice}: the
     * invoice whose later events go to this order.
     */
    private record Use(String key, String viaInvoice, String linksInvoice, Rule rule) {

        static Use order(String purchaseOrderId, Rule rule) {
            return new Use(purchaseOrderId, null, null, rule);
        }

        static Use viaInvoice(String invoiceId, Rule rule) {
            return new Use(null, invoiceId, null, rule);
        }

        Use linking(String invoiceId) {
            return new Use(key, viaInvoice, invoiceId, rule);
        }
    }

    /** One family's part: its events' uses, from its visitor, in the host's terms. */
    private abstract static class Family<E> implements Fold<E, OrderFacts> {

        private final Class<E> events;

        Family(Class<E> events) {
            this.events = events;
        }

        /** The event's use, or {@link #IGNORED}. */
        abstract Use use(E event);

        @Override
        public Class<E> events() {
            return events;
        }

        @Override
        public boolean folds(Object payload) {
            return events.isInstance(payload) && use(events.cast(payload)) != IGNORED;
        }

        @Override
        public String key(E event) {
            return use(event).key();
        }

        @Override
        public String keyVia(E event) {
            return use(event).viaInvoice();
        }

        @Override
        public String link(E event) {
            return use(event).linksInvoice();
        }

        @Override
        public OrderFacts initial(String key) {
            return OrderFacts.empty(key);
        }

        @Override
        public OrderFacts apply(OrderFacts state, E event, Envelope envelope) {
            // Delivered again: its facts, and the balance changes they made, are there already.
            if (state.hasFactsOf(envelope.eventId())) {
                return state.with(List.of());
            }
            return use(event).rule().apply(state, new Recorded(envelope.eventId(), envelope.recordedAt()));
        }

        @Override
        public OrderFacts apply(OrderFacts state, E event, Instant recordedAt) {
            throw new UnsupportedOperationException("an accrual fact is keyed by its event's id");
        }
    }

    /** Each order event, by the order it names. */
    private static final class Orders extends Family<PurchaseOrderEvent>
            implements PurchaseOrderEvent.Visitor<Use, Void> {

        Orders() {
            super(PurchaseOrderEvent.class);
        }

        @Override
        Use use(PurchaseOrderEvent event) {
            return event.accept(this, null);
        }

        /** The order has no lines before it is issued. */
        @Override
        public Use on(RequisitionApproved event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(PurchaseOrderIssued event, Void none) {
            return Use.order(event.purchaseOrderId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }

        @Override
        public Use on(PurchaseOrderAmended event, Void none) {
            return Use.order(event.purchaseOrderId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }

        /** A stale amendment was not applied to the order. */
        @Override
        public Use on(StaleAmendmentRecorded event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(PurchaseOrderPostedInErp event, Void none) {
            return Use.order(event.purchaseOrderId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }

        @Override
        public Use on(StalePostingAcknowledgmentRecorded event, Void none) {
            return Use.order(event.purchaseOrderId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }

        /** A rejection leaves the ERP's earlier acknowledgment standing. */
        @Override
        public Use on(PurchaseOrderPostingRejected event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(GoodsReceived event, Void none) {
            return Use.order(event.purchaseOrderId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }

        /** Cancelling leaves received goods owed. */
        @Override
        public Use on(PurchaseOrderCancelled event, Void none) {
            return IGNORED;
        }

        /** Closing leaves received goods owed. */
        @Override
        public Use on(PurchaseOrderClosed event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(GoodsReceiptPostedInErp event, Void none) {
            return Use.order(event.purchaseOrderId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }
    }

    /**
     * Each invoice event that moves a line's invoiced, matched, posted or paid position, by its order: the receipt and
     * the match name it; the posting and the payment name only the invoice, whose receipt linked it to its order.
     * The others leave the position as it is.
     */
    private static final class Invoices extends Family<InvoiceEvent> implements InvoiceEvent.Visitor<Use, Void> {

        Invoices() {
            super(InvoiceEvent.class);
        }

        @Override
        Use use(InvoiceEvent event) {
            return event.accept(this, null);
        }

        @Override
        public Use on(InvoiceReceived event, Void none) {
            return Use.order(event.purchaseOrderId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded)).linking(event.invoiceId().value());
        }

        @Override
        public Use on(InvoiceMatched event, Void none) {
            return Use.order(event.purchaseOrderId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }

        /** A variance leaves the invoice unmatched, which is the absence of a MATCHED fact. */
        @Override
        public Use on(InvoiceMatchVarianceFound event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(InvoiceTaxValidated event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(InvoiceTaxValidationFailed event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(InvoiceExceptionRaised event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(InvoiceExceptionResolved event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(InvoicePostedInErp event, Void none) {
            return Use.viaInvoice(event.invoiceId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }

        @Override
        public Use on(InvoicePostingControlViolated event, Void none) {
            return IGNORED;
        }

        /** A rejected posting leaves the invoice unposted. */
        @Override
        public Use on(InvoicePostingRejected event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(StaleInvoicePostingRejectionRecorded event, Void none) {
            return IGNORED;
        }

        /** Scheduled is not paid. */
        @Override
        public Use on(InvoicePaymentScheduled event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(InvoicePaymentExecuted event, Void none) {
            return Use.viaInvoice(event.invoiceId().value(), (state, recorded) -> AccrualFold.apply(state, event,
                    recorded));
        }

        @Override
        public Use on(InvoiceOverpaymentFlagged event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(PaymentConfirmationDelivered event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(PaymentConfirmationAcknowledged event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(DuplicateInvoiceSubmissionCaught event, Void none) {
            return IGNORED;
        }

        @Override
        public Use on(InvoiceControlViolated event, Void none) {
            return IGNORED;
        }
    }
}
