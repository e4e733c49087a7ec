package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the reconciliation view holds of one document's events: the document, for an invoice its payments (each
 * its own document, changed by the invoice's payment events) by payment document id, and the duplicates its events
 * caught. One state per stored document, so a batch, a rebuild and a replay key it as the event store does.
 */
record ReconciliationState(DocumentState document, SortedMap<String, DocumentState> payments,
                           List<DuplicateRow> duplicates) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    ReconciliationState {
        payments = Collections.unmodifiableSortedMap(payments);
        duplicates = List.copyOf(duplicates);
    }

    /** The key of a document's state: its type and id, so keys of different types never meet. */
    static String key(DocumentType type, String id) {
        return type.name() + '|' + id;
    }

    static ReconciliationState initial(String key) {
        int bar = key.indexOf('|');
        return of(new DocumentState(DocumentType.valueOf(key.substring(0, bar)), key.substring(bar + 1)));
    }

    static ReconciliationState of(DocumentState document) {
        return new ReconciliationState(document, new TreeMap<>(), List.of());
    }

    String key() {
        return key(document.type(), document.id());
    }

    /** The document, then its payments in id order. */
    Stream<DocumentState> documents() {
        return Stream.concat(Stream.of(document), payments.values().stream());
    }

    ReconciliationState withDocument(DocumentState changed) {
        return new ReconciliationState(changed, payments, duplicates);
    }

    ReconciliationState withPayment(DocumentState payment) {
        TreeMap<String, DocumentState> changed = new TreeMap<>(payments);
        changed.put(payment.id(), payment);
        return new ReconciliationState(document, changed, duplicates);
    }

    ReconciliationState withDuplicates(List<DuplicateRow> changed) {
        return changed == duplicates ? this : new ReconciliationState(document, payments, changed);
    }
}
