package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.PageRequest;

import java.time.Instant;

/** Lists caught duplicates, newest first; {@code documentType} and {@code caughtSince} are optional. */
public record FindCaughtDuplicates(DocumentType documentType, Instant caughtSince, PageRequest page) {

    public FindCaughtDuplicates {
        Checks.required(page, "page");
    }
}
