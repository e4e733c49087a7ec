package org.integrationledger.model.reconciliation;

import org.integrationledger.model.shared.SystemId;

import java.time.Instant;

/**
 * A duplicate the ledger caught: the document that was already there ({@code originalId}), the one that would
 * have duplicated it ({@code attemptedId}), what matched ({@code matchKey}: a normalised tax id, a supplier and
 * invoice number), whether it was an exact duplicate (refused) or a suspected one (accepted, raised as an
 * exception), and what happened to it ({@code outcome}), with when and who reported it.
 */
public record CaughtDuplicate(DocumentType documentType, String originalId, String attemptedId, String matchKey,
                              DuplicateKind kind, DuplicateOutcome outcome, String detail, Instant caughtAt,
                              Instant recordedAt, SystemId reportingSystem, String connector) {
}
