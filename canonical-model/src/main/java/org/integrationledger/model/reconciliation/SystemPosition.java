package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * One system's side of a document: its role for the document, the state it reported, the version it acknowledged,
 * its own reference, the amount and status it holds where it said, and when
 * (business time) and when the ledger recorded it.
 */
public record SystemPosition(SystemId system, SystemRole role, PositionState state, Integer version,
                             String reference, Money amount, PositionStatus status, Instant businessTime,
                             Instant recordedAt) {
}
