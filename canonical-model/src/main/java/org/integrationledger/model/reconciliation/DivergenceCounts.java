package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.SystemId;

import java.util.List;

/** Open divergences counted by flag × region × system; {@code documents} counts distinct documents affected. */
public record DivergenceCounts(List<Count> counts, long divergences, long documents) {

    public DivergenceCounts {
        counts = List.copyOf(counts);
    }

    /** How many divergences of one kind are open for one system in one region (system null: document-wide). */
    public record Count(Divergence flag, String region, SystemId system, DocumentType documentType, long count) {
    }
}
