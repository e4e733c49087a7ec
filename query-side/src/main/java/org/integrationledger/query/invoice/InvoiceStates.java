package org.integrationledger.query.invoice;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Everything the invoice views hold about one invoice: its row, its exceptions by exception id and its payments by
 * payment id, one state, so a rebuild spills and reads back an invoice's rows together. Every event of the family
 * names its invoice, so the invoice is the key of all three tables' rows.
 */
record InvoiceStates(InvoiceViewState invoice, SortedMap<String, InvoiceExceptionState> exceptions,
                     SortedMap<String, InvoicePaymentState> payments) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    InvoiceStates {
        exceptions = Collections.unmodifiableSortedMap(exceptions);
        payments = Collections.unmodifiableSortedMap(payments);
    }

    static InvoiceStates initial(String invoiceId) {
        return new InvoiceStates(InvoiceViewState.initial(invoiceId), new TreeMap<>(), new TreeMap<>());
    }

    InvoiceStates invoice(InvoiceViewState changed) {
        return new InvoiceStates(changed, exceptions, payments);
    }

    InvoiceStates invoice(UnaryOperator<InvoiceViewState> change) {
        return invoice(change.apply(invoice));
    }

    /** The exception with this id, changed; one not raised yet starts empty. */
    InvoiceStates exception(String exceptionId, UnaryOperator<InvoiceExceptionState> change) {
        InvoiceExceptionState exception = exceptions.get(exceptionId);
        TreeMap<String, InvoiceExceptionState> changed = new TreeMap<>(exceptions);
        changed.put(exceptionId, change.apply(exception == null ? InvoiceExceptionState.initial(exceptionId)
                : exception));
        return new InvoiceStates(invoice, changed, payments);
    }

    /**
     * The payment with this reference, or a new one that takes the invoice's supplier and the legal entity of the
     * event that first names it.
     */
    InvoicePaymentState payment(String legalEntity, String paymentReference) {
        InvoicePaymentState payment = payments.get(InvoicePaymentState.idOf(invoice.invoiceId(), paymentReference));
        return payment != null ? payment : InvoicePaymentState.first(invoice.invoiceId(), paymentReference,
                invoice.supplierId(), legalEntity);
    }

    InvoiceStates withPayment(InvoicePaymentState payment) {
        TreeMap<String, InvoicePaymentState> changed = new TreeMap<>(payments);
        changed.put(payment.paymentId(), payment);
        return new InvoiceStates(invoice, exceptions, changed);
    }
}
