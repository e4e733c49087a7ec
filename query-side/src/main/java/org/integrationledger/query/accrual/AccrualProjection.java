package org.integrationledger.query.accrual;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the GR/IR facts ({@code accrual_fact}) and their balances by {@link AccrualEvents}, a processor batch's
 * writes gathered in an {@link AccrualBatch} and written as the batch commits. One handler per event type the fold
 * uses (the others are {@link AccrualFold#IGNORED}).
 * Its processor has one segment, so an invoice's facts are written after its order's (they are different
 * aggregates, which a second segment could interleave). The facts' key is the event id, so a redelivered event
 * writes nothing. An event with a value a view cannot store is refused by name before any SQL (and parked).
 */
@Component
@ProcessingGroup(AccrualProjection.PROCESSING_GROUP)
class AccrualProjection {

    static final String PROCESSING_GROUP = "accrual-facts";

    private static final String BATCH = AccrualBatch.class.getName();

    private final AccrualFacts facts;

    AccrualProjection(AccrualFacts facts) {
        this.facts = facts;
    }

    @EventHandler
    void on(PurchaseOrderIssued event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(PurchaseOrderAmended event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(GoodsReceived event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(GoodsReceiptPostedInErp event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(PurchaseOrderPostedInErp event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(StalePostingAcknowledgmentRecorded event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(InvoiceReceived event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(InvoiceMatched event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(InvoicePostedInErp event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    @EventHandler
    void on(InvoicePaymentExecuted event, @MessageIdentifier String id, @Timestamp Instant recordedAt) {
        apply(event, id, recordedAt);
    }

    /**
     * Applies the event to the batch of its unit of work (the processor's batch, one transaction), which writes when
     * that commits; without a unit of work, at once.
     */
    private void apply(Object event, String id, Instant recordedAt) {
        if (!CurrentUnitOfWork.isStarted()) {
            AccrualBatch batch = new AccrualBatch(facts);
            new AccrualEvents(batch).apply(event, id, recordedAt);
            batch.flush();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        AccrualEvents events = root.getOrComputeResource(BATCH, key -> {
            AccrualBatch batch = new AccrualBatch(facts);
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return new AccrualEvents(batch);
        });
        events.apply(event, id, recordedAt);
    }

    /** A replay rebuilds the facts from the first event, so it starts from an empty table. */
    @ResetHandler
    void reset() {
        facts.deleteAll();
    }
}
