package org.integrationledger.query.reconciliation;

import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.supplier.SupplierEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reconciliation view's rules for every document kind, in one place, used by the live projection and by the
 * side-by-side rebuild alike: which documents an event changes, and how.
 */
final class ReconciliationRules {

    private ReconciliationRules() {
    }

    /**
     * Applies the event to every document it concerns (an invoice's payment events also change the payment's own
     * document), recomputing each one's open divergences, and returns the documents changed.
     *
     * @param documents loads a document, or creates it empty when the view does not hold it yet
     * @param regions   the region of each system, for a document known so far only to the system that reported it
     */
    static List<DocumentState> apply(Object event, Instant recordedAt,
                                     Function<DocumentKey, DocumentState> documents, SystemRegions regions) {
        List<DocumentState> changed = new ArrayList<>();
        if (event instanceof PurchaseOrderEvent order) {
            DocumentState document = documents.apply(new DocumentKey(DocumentType.PURCHASE_ORDER,
                    order.purchaseOrderId().value()));
            PurchaseOrderReconciliation.apply(document, order, recordedAt);
            refresh(document, PurchaseOrderReconciliation.divergences(document, regions));
            changed.add(document);
        } else if (event instanceof SupplierEvent supplier) {
            DocumentState document = documents.apply(new DocumentKey(DocumentType.SUPPLIER,
                    supplier.supplierId().value()));
            SupplierReconciliation.apply(document, supplier, recordedAt);
            refresh(document, SupplierReconciliation.divergences(document));
            changed.add(document);
        } else if (event instanceof InvoiceEvent invoiceEvent) {
            DocumentState invoice = documents.apply(new DocumentKey(DocumentType.INVOICE,
                    invoiceEvent.invoiceId().value()));
            InvoiceReconciliation.applyToInvoice(invoice, invoiceEvent, recordedAt);
            refresh(invoice, InvoiceReconciliation.invoiceDivergences(invoice, regions));
            changed.add(invoice);
            String paymentReference = paymentReferenceOf(invoiceEvent);
            if (paymentReference != null) {
                DocumentState payment = documents.apply(new DocumentKey(DocumentType.PAYMENT,
                        InvoiceReconciliation.paymentId(invoiceEvent, paymentReference)));
                InvoiceReconciliation.applyToPayment(payment, invoiceEvent, recordedAt, invoice);
                refresh(payment, InvoiceReconciliation.paymentDivergences(payment));
                changed.add(payment);
            }
        }
        return changed;
    }

    private static String paymentReferenceOf(InvoiceEvent event) {
        if (event instanceof InvoicePaymentExecuted executed) {
            return executed.paymentReference();
        }
        if (event instanceof PaymentConfirmationDelivered delivered) {
            return delivered.paymentReference();
        }
        if (event instanceof PaymentConfirmationAcknowledged acknowledged) {
            return acknowledged.paymentReference();
        }
        if (event instanceof InvoiceControlViolated violated) {
            return violated.paymentReference();
        }
        return null;
    }

    /** Replaces the open divergences, keeping the earliest start of each one that was already open. */
    static void refresh(DocumentState document, List<OpenDivergence> now) {
        Map<OpenDivergence.Key, OpenDivergence> open = new LinkedHashMap<>();
        for (OpenDivergence divergence : now) {
            OpenDivergence before = document.divergences.get(divergence.key());
            OpenDivergence kept = before != null && before.since().isBefore(divergence.since())
                    ? divergence.since(before.since()) : divergence;
            open.merge(kept.key(), kept, (a, b) -> a.since().isBefore(b.since()) ? a : b);
        }
        if (!open.equals(document.divergences)) {
            document.divergencesChanged = true;
            document.divergences.clear();
            document.divergences.putAll(open);
        }
    }

    record DocumentKey(DocumentType type, String id) {
    }
}
