package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.PageRequest;

import java.time.Instant;

/**
 * Lists caught duplicates, newest first; every filter is optional. {@code documentId} matches the original or
 * the would-be duplicate.
 */
public record FindCaughtDuplicates(DocumentType documentType, String documentId, Instant caughtSince,
                                   PageRequest page) {

    public FindCaughtDuplicates {
        Checks.required(page, "page");
    }
}
