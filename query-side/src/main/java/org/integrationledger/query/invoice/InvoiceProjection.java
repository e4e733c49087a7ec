package org.integrationledger.query.invoice;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.query.delivery.AppliedOnce;
import org.integrationledger.query.representable.RepresentableValues;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the invoice views (invoice, exception queue, payments). It runs in a pooled streaming processor whose
 * token is stored in the same transaction as the rows, and {@link AppliedOnce} skips an
 * event delivered again, so each event is applied exactly once even across crashes.
 * The rules per event live in {@link InvoiceViewRules}, shared with the rebuild ({@link InvoiceViewRebuild}).
 */
@Component
@AppliedOnce
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
        RepresentableValues.requireRepresentable(event, recordedAt);
        List<InvoiceView> touchedInvoices = new ArrayList<>();
        List<InvoiceExceptionView> touchedExceptions = new ArrayList<>();
        List<InvoicePaymentView> touchedPayments = new ArrayList<>();
        InvoiceViewRules.apply(event, recordedAt, new InvoiceRows() {
            @Override
            public InvoiceView invoice(String invoiceId) {
                return touched(touchedInvoices, invoices.findById(invoiceId)
                        .orElseGet(() -> new InvoiceView(invoiceId)));
            }

            @Override
            public InvoiceExceptionView exception(String exceptionId) {
                return touched(touchedExceptions, exceptions.findById(exceptionId)
                        .orElseGet(() -> new InvoiceExceptionView(exceptionId)));
            }

            @Override
            public InvoicePaymentView payment(InvoiceView invoice, String legalEntity, String paymentReference) {
                return touched(touchedPayments, payments.findById(
                        InvoicePaymentView.idOf(invoice.invoiceId(), paymentReference))
                        .orElseGet(() -> new InvoicePaymentView(invoice.invoiceId(), paymentReference,
                                invoice.supplierId(), legalEntity)));
            }
        });
        // Saved only once the rules are done, so a new row is inserted complete (its columns are NOT NULL).
        exceptions.saveAll(touchedExceptions);
        payments.saveAll(touchedPayments);
        invoices.saveAll(touchedInvoices);
    }

    private static <T> T touched(List<T> rows, T row) {
        rows.add(row);
        return row;
    }

    /** A replay rebuilds the views from the first event, so it starts from empty tables. */
    @ResetHandler
    void reset() {
        payments.deleteAllInBatch();
        exceptions.deleteAllInBatch();
        invoices.deleteAllInBatch();
    }
}
