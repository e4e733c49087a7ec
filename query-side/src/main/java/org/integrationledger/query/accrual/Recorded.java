package org.integrationledger.query.accrual;

import java.time.Instant;

/** The ledger's side of an event: its id (the key of the facts it adds) and when it was recorded. */
record Recorded(String eventId, Instant recordedAt) {
}
