package org.integrationledger.model.accrual;

import java.time.Instant;

/**
 * One reason a line's ERP picture can differ from procurement's; {@code recordedAt} is when the ledger recorded
 * the fact that proves it (for a late fact: the latest late one), {@code detail} says which fact.
 */
public record LineVariance(VarianceReason reason, String detail, Instant recordedAt) {
}
