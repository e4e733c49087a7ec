package org.integrationledger.query.accrual;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

/**
 * Keeps the GR/IR facts ({@code accrual_fact}) and their balances. The rules per event live in {@link AccrualEvents},
 * which the same {@link FoldHost} also runs for rebuilds ({@link AccrualConfiguration}); this class only hands it the
 * events. Its processor has one segment, so an invoice's facts are written after its order's (they are different
 * aggregates, which a second segment could interleave). The facts' key is the event id, so a redelivered event
 * writes nothing. An event the view stores, with a value it cannot store, is refused by name before any SQL (and
 * parked).
 */
@Component
@ProcessingGroup(AccrualProjection.PROCESSING_GROUP)
class AccrualProjection {

    static final String PROCESSING_GROUP = "accrual-facts";

    private final FoldHost<Object, OrderFacts> host;
    private final AccrualFacts facts;

    AccrualProjection(FoldHost<Object, OrderFacts> accrualHost, AccrualFacts facts) {
        this.host = accrualHost;
        this.facts = facts;
    }

    @EventHandler
    void on(PurchaseOrderEvent event, EventMessage<?> message) {
        live(event, message);
    }

    @EventHandler
    void on(InvoiceEvent event, EventMessage<?> message) {
        live(event, message);
    }

    /** A replay rebuilds the facts from the first event, so it starts from an empty table. */
    @ResetHandler
    void reset() {
        facts.deleteAll();
    }

    private void live(Object event, EventMessage<?> message) {
        if (host.folds(event)) {
            RepresentableValues.requireRepresentable(event, message.getTimestamp());
            host.live(event, message);
        }
    }
}
