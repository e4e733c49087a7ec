package org.integrationledger.query.accrual;

import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
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
        Recorded recorded = new Recorded(id, recordedAt);
        if (payload instanceof PurchaseOrderIssued event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, recorded));
        } else if (payload instanceof PurchaseOrderAmended event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, recorded));
        } else if (payload instanceof GoodsReceived event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, recorded));
        } else if (payload instanceof PurchaseOrderPostedInErp event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, recorded));
        } else if (payload instanceof StalePostingAcknowledgmentRecorded event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, recorded));
        } else if (payload instanceof InvoiceReceived event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, recorded));
        } else if (payload instanceof InvoiceMatched event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, recorded));
        } else if (payload instanceof InvoicePostedInErp event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            facts.purchaseOrderOf(event.invoiceId().value()).ifPresent(order ->
                    order(order, id, s -> AccrualFold.apply(s, event, recorded)));
        } else if (payload instanceof InvoicePaymentExecuted event) {
            RepresentableValues.requireRepresentable(event, recordedAt);
            facts.purchaseOrderOf(event.invoiceId().value()).ifPresent(order ->
                    order(order, id, s -> AccrualFold.apply(s, event, recorded)));
        }
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
