package org.integrationledger.query.invoice;

import org.integrationledger.model.invoice.InvoiceEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The invoice views computed in memory from events fed in their stored order, by the live projection's rules: the
 * rows of the rule tests. (The rebuild keeps its rows in bounded states, see {@code InvoiceViewRebuild}.)
 */
final class InvoiceReplay implements InvoiceRows {

    private final Map<String, InvoiceView> invoices = new LinkedHashMap<>();
    private final Map<String, InvoiceExceptionView> exceptions = new LinkedHashMap<>();
    private final Map<String, InvoicePaymentView> payments = new LinkedHashMap<>();

    void apply(InvoiceEvent event, Instant recordedAt) {
        InvoiceViewRules.apply(event, recordedAt, this);
    }

    @Override
    public InvoiceView invoice(String invoiceId) {
        return invoices.computeIfAbsent(invoiceId, InvoiceView::new);
    }

    @Override
    public InvoiceExceptionView exception(String exceptionId) {
        return exceptions.computeIfAbsent(exceptionId, InvoiceExceptionView::new);
    }

    @Override
    public InvoicePaymentView payment(InvoiceView invoice, String legalEntity, String paymentReference) {
        return payments.computeIfAbsent(InvoicePaymentView.idOf(invoice.invoiceId(), paymentReference),
                id -> new InvoicePaymentView(invoice.invoiceId(), paymentReference, invoice.supplierId(), legalEntity));
    }

    Collection<InvoiceView> invoices() {
        return invoices.values();
    }

    Collection<InvoiceExceptionView> exceptions() {
        return exceptions.values();
    }

    Collection<InvoicePaymentView> payments() {
        return payments.values();
    }
}
