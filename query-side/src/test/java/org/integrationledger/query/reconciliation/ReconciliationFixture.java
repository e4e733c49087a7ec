package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.query.fold.FoldFixture;
import org.integrationledger.query.fold.Envelope;

import java.time.Instant;
import java.util.List;

/**
 * Given events, then the reconciliation view: the view's folds (orders, suppliers, invoices) run as their host runs
 * them, one state per document, with no database.
 */
final class ReconciliationFixture {

    private final FoldFixture<Object, ReconciliationState> folds;

    ReconciliationFixture(SystemRegions regions) {
        this.folds = FoldFixture.of(ReconciliationConfiguration.folds(regions));
    }

    ReconciliationFixture given(Object... events) {
        folds.given(events);
        return this;
    }

    ReconciliationFixture recordedAs(Envelope recorded, Object event) {
        folds.recordedAs(recorded, event);
        return this;
    }

    ReconciliationFixture recordedAt(Instant recorded, Object event) {
        folds.recordedAt(recorded, event);
        return this;
    }

    ReconciliationState state(DocumentType type, String id) {
        return folds.state(ReconciliationState.key(type, id));
    }

    DocumentState document(DocumentType type, String id) {
        return state(type, id).document();
    }

    /** The payment's own document, kept with its invoice's state. */
    DocumentState payment(String invoiceId, String paymentReference) {
        DocumentState payment = state(DocumentType.INVOICE, invoiceId).payments()
                .get(invoiceId + ":" + paymentReference);
        if (payment == null) {
            throw new AssertionError("no payment " + paymentReference + " of " + invoiceId);
        }
        return payment;
    }

    List<DuplicateRow> duplicates(DocumentType type, String id) {
        return state(type, id).duplicates();
    }

    /** The open divergences as {@code FLAG@SYSTEM}. */
    static List<String> flags(DocumentState document) {
        return document.divergences().values().stream()
                .map(d -> d.flag() + (d.system().isEmpty() ? "" : "@" + d.system())).toList();
    }
}
