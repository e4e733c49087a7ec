package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.Divergence;

import java.io.Serializable;
import java.time.Instant;

/**
 * A divergence open on a document (table {@code reconciliation_flag}), naming the system and the region it concerns.
 * Its {@code since} is kept while it stays open, so its age is the divergence's whole length.
 */
record OpenDivergence(Divergence flag, String system, String region, Instant since, String detail) implements Serializable {

    Key key() {
        return new Key(flag, system);
    }

    OpenDivergence since(Instant earlier) {
        return new OpenDivergence(flag, system, region, earlier, detail);
    }

    record Key(Divergence flag, String system) implements Serializable {
    }
}
