package org.integrationledger.query.accrual;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
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
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Keeps the GR/IR facts ({@code accrual_fact}): loads the order's facts, applies the event by {@link AccrualFold}
 * and writes what it added, with the balance changes and line states {@link AccrualBalances} derives from it. One
 * handler per event type the fold uses (the others are {@link AccrualFold#IGNORED}).
 * Its processor has one segment, so an invoice's facts are written after its order's (they are different
 * aggregates, which a second segment could interleave). The facts' key is the event id, so a redelivered event
 * writes nothing. An event with a value a view cannot store is refused by name before any SQL (and parked).
 */
@Component
@ProcessingGroup(AccrualProjection.PROCESSING_GROUP)
class AccrualProjection {

    static final String PROCESSING_GROUP = "accrual-facts";

    private final AccrualFacts facts;

    AccrualProjection(AccrualFacts facts) {
        this.facts = facts;
    }

    @EventHandler
    void on(PurchaseOrderIssued event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt)));
    }

    @EventHandler
    void on(PurchaseOrderAmended event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt)));
    }

    @EventHandler
    void on(GoodsReceived event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt)));
    }

    @EventHandler
    void on(PurchaseOrderPostedInErp event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt)));
    }

    @EventHandler
    void on(StalePostingAcknowledgmentRecorded event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt)));
    }

    @EventHandler
    void on(InvoiceReceived event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt)));
    }

    @EventHandler
    void on(InvoiceMatched event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        order(event.purchaseOrderId().value(), id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt)));
    }

    @EventHandler
    void on(InvoicePostedInErp event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        facts.purchaseOrderOf(event.invoiceId().value()).ifPresent(order ->
                order(order, id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt))));
    }

    @EventHandler
    void on(InvoicePaymentExecuted event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        facts.purchaseOrderOf(event.invoiceId().value()).ifPresent(order ->
                order(order, id, s -> AccrualFold.apply(s, event, new Recorded(id, recordedAt))));
    }

    private void order(String purchaseOrderId, String eventId, UnaryOperator<OrderFacts> fold) {
        OrderFacts before = facts.load(purchaseOrderId);
        // Delivered again: its facts, and the balance changes they made, are there already.
        if (before.facts().stream().anyMatch(fact -> fact.eventId().equals(eventId))) {
            return;
        }
        OrderFacts after = fold.apply(before);
        facts.insert(after.added());
        facts.apply(AccrualBalances.of(after));
    }

    /** A replay rebuilds the facts from the first event, so it starts from an empty table. */
    @ResetHandler
    void reset() {
        facts.deleteAll();
    }
}
