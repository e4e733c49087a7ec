package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.Checks;

import java.time.Instant;

/** One document's row in the reconciliation view, with divergence ages as of {@code asOf}. */
public record FindReconciliationEntry(DocumentType documentType, String documentId, Instant asOf) {

    public FindReconciliationEntry {
        Checks.required(documentType, "documentType");
        Checks.text(documentId, "documentId", 128);
        Checks.required(asOf, "asOf");
    }
}
