package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;

import java.time.Duration;
import java.time.Instant;

/**
 * Filters of the reconciliation queries; every one is optional (null means any). {@code divergentFor} keeps only
 * divergences open for at least that long at {@code asOf}. A filter on {@code divergence}, {@code system} or
 * {@code divergentFor} selects documents by their open divergences; the others by the document.
 */
public record ReconciliationFilter(DocumentType documentType, String region, LegalEntityId legalEntity,
                                   SystemId system, Divergence divergence, Duration divergentFor, Instant asOf) {

    public ReconciliationFilter {
        if (divergentFor != null && divergentFor.isNegative()) {
            throw new IllegalArgumentException("divergentFor must not be negative");
        }
        Checks.required(asOf, "asOf");
    }

    /** True when the filter selects by divergence rather than by document. */
    public boolean selectsDivergences() {
        return divergence != null || system != null || divergentFor != null;
    }
}
