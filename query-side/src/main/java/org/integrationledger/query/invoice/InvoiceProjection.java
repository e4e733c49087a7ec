package org.integrationledger.query.invoice;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds the invoice views (invoice, exception queue, payments). It runs in a pooled streaming processor whose
 * token is stored in the same transaction as the rows, and {@link AppliedOnce} skips an event delivered again, so
 * each event is applied exactly once even across crashes. The rules per event live in {@link InvoiceFold}, which the
 * same {@link FoldHost} also runs for rebuilds; this class only hands it the events.
 */
@Component
@AppliedOnce
@ProcessingGroup(InvoiceProjection.PROCESSING_GROUP)
class InvoiceProjection {

    static final String PROCESSING_GROUP = "invoice-view";

    private final FoldHost<InvoiceEvent, InvoiceStates> host;
    private final InvoiceViewRepository invoices;
    private final InvoiceExceptionViewRepository exceptions;
    private final InvoicePaymentViewRepository payments;

    InvoiceProjection(FoldHost<InvoiceEvent, InvoiceStates> host, InvoiceViewRepository invoices,
                      InvoiceExceptionViewRepository exceptions, InvoicePaymentViewRepository payments) {
        this.host = host;
        this.invoices = invoices;
        this.exceptions = exceptions;
        this.payments = payments;
    }

    @EventHandler
    void on(InvoiceEvent event, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        host.live(event, recordedAt);
    }

    /** A replay rebuilds the views from the first event, so it starts from empty tables. */
    @ResetHandler
    void reset() {
        payments.deleteAllInBatch();
        exceptions.deleteAllInBatch();
        invoices.deleteAllInBatch();
    }
}
