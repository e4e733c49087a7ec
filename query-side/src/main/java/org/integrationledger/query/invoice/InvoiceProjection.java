package org.integrationledger.query.invoice;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds the invoice views (invoice, exception queue, payments). It runs in a pooled streaming processor whose
 * token is stored in the same transaction as the rows, so an event is applied exactly once even across crashes.
 * The rules per event live in {@link InvoiceViewRules}, shared with the rebuild ({@link InvoiceReplay}).
 */
@Component
@ProcessingGroup(InvoiceProjection.PROCESSING_GROUP)
class InvoiceProjection {

    static final String PROCESSING_GROUP = "invoice-view";

    private final InvoiceViewRepository invoices;
    private final InvoiceExceptionViewRepository exceptions;
    private final InvoicePaymentViewRepository payments;

    InvoiceProjection(InvoiceViewRepository invoices, InvoiceExceptionViewRepository exceptions,
                      InvoicePaymentViewRepository payments) {
        this.invoices = invoices;
        this.exceptions = exceptions;
        this.payments = payments;
    }

    @EventHandler
    void on(InvoiceEvent event, @Timestamp Instant recordedAt) {
        // Rows found or saved here are managed by the batch's transaction, so their changes are written at commit.
        InvoiceViewRules.apply(event, recordedAt, new InvoiceRows() {
            @Override
            public InvoiceView invoice(String invoiceId) {
                return invoices.findById(invoiceId).orElseGet(() -> invoices.save(new InvoiceView(invoiceId)));
            }

            @Override
            public InvoiceExceptionView exception(String exceptionId) {
                return exceptions.findById(exceptionId)
                        .orElseGet(() -> exceptions.save(new InvoiceExceptionView(exceptionId)));
            }

            @Override
            public InvoicePaymentView payment(InvoiceView invoice, String legalEntity, String paymentReference) {
                return payments.findById(InvoicePaymentView.idOf(invoice.invoiceId(), paymentReference))
                        .orElseGet(() -> payments.save(new InvoicePaymentView(invoice.invoiceId(), paymentReference,
                                invoice.supplierId(), legalEntity)));
            }
        });
    }

    /** A replay rebuilds the views from the first event, so it starts from empty tables. */
    @ResetHandler
    void reset() {
        payments.deleteAllInBatch();
        exceptions.deleteAllInBatch();
        invoices.deleteAllInBatch();
    }
}
