package org.integrationledger.query.controls;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlViolation;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the controls report: loads the invoice's context, applies the event by {@link ControlViolationFold} and
 * writes the context or the violation. A violation is announced on the webhook when it is first written by a live
 * event, never on a replay, and never twice (its id is the violation event's place in the invoice's history). An
 * event with a value a view cannot store is refused by name before any SQL (and parked).
 */
@Component
@ProcessingGroup(ControlViolationProjection.PROCESSING_GROUP)
class ControlViolationProjection {

    static final String PROCESSING_GROUP = "control-violations";

    private final ControlViolationTable table;

    ControlViolationProjection(ControlViolationTable table) {
        this.table = table;
    }

    @EventHandler
    void on(InvoiceReceived event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        InvoiceContext context = table.context(event.invoiceId().value());
        table.save(ControlViolationFold.apply(context, event, self(event, sequence, recordedAt)));
    }

    @EventHandler
    void on(InvoicePostedInErp event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        InvoiceContext context = table.context(event.invoiceId().value());
        table.save(ControlViolationFold.apply(context, event, self(event, sequence, recordedAt)));
    }

    @EventHandler
    void on(InvoicePaymentExecuted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        InvoiceContext context = table.context(event.invoiceId().value());
        table.save(ControlViolationFold.apply(context, event, self(event, sequence, recordedAt)));
    }

    @EventHandler
    void on(InvoicePostingControlViolated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            ReplayStatus replay) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        record(ControlViolationFold.violation(table.context(event.invoiceId().value()), event,
                self(event, sequence, recordedAt)), replay);
    }

    @EventHandler
    void on(InvoiceControlViolated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            ReplayStatus replay) {
        RepresentableValues.requireRepresentable(event, recordedAt);
        record(ControlViolationFold.violation(table.context(event.invoiceId().value()), event,
                self(event, sequence, recordedAt)), replay);
    }

    private void record(ControlViolation violation, ReplayStatus replay) {
        if (table.insert(violation) && !replay.isReplay()) {
            table.announce(violation);
        }
    }

    private static ControlEvidence self(InvoiceEvent event, long sequence, Instant recordedAt) {
        return new ControlEvidence(DocumentKind.INVOICE.label(), event.invoiceId().value(), sequence,
                event.getClass().getSimpleName(), event.occurredAt(), recordedAt);
    }

    /** A replay rebuilds the report from the first event, so it starts from empty tables (not the outbox). */
    @ResetHandler
    void reset() {
        table.deleteAll();
    }
}
