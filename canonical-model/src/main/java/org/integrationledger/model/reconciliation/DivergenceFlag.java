package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.SystemId;

import java.time.Duration;
import java.time.Instant;

/**
 * An open divergence: which, about which system (null when it concerns the document as a whole), in which region,
 * since when (business time of the event that opened it) and for how long as of the query.
 */
public record DivergenceFlag(Divergence flag, SystemId system, String region, Instant since, Duration age,
                             String detail) {
}
