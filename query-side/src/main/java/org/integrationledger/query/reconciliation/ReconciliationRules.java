package org.integrationledger.query.reconciliation;

import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.supplier.SupplierEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reconciliation view's rules for every document kind, in one place, used by the live projection and by the
 * side-by-side rebuild alike: which document an event belongs to, and how it changes that document.
 */
final class ReconciliationRules {

    private ReconciliationRules() {
    }

    /** The document an event belongs to, empty when the view does not follow it. */
    static Optional<DocumentKey> documentOf(Object event) {
        if (event instanceof PurchaseOrderEvent order) {
            return Optional.of(new DocumentKey(DocumentType.PURCHASE_ORDER, order.purchaseOrderId().value()));
        }
        if (event instanceof SupplierEvent supplier) {
            return Optional.of(new DocumentKey(DocumentType.SUPPLIER, supplier.supplierId().value()));
        }
        return Optional.empty();
    }

    /** Applies the event to its document, then recomputes the document's open divergences. */
    static void apply(DocumentState document, Object event, Instant recordedAt) {
        if (event instanceof PurchaseOrderEvent order) {
            PurchaseOrderReconciliation.apply(document, order, recordedAt);
            refresh(document, PurchaseOrderReconciliation.divergences(document));
        } else if (event instanceof SupplierEvent supplier) {
            SupplierReconciliation.apply(document, supplier, recordedAt);
            refresh(document, SupplierReconciliation.divergences(document));
        }
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
        document.divergences.clear();
        document.divergences.putAll(open);
    }

    record DocumentKey(DocumentType type, String id) {
    }
}
