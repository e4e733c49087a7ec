package org.integrationledger.query.rebuild;

/** Where a projection rebuild stands; {@link RebuildProgress#state()} shows it by name. */
enum RebuildState {
    /** Reading the store into the rebuilt states. */
    RUNNING,
    /** Catching up the last events with the processors stopped; the live view stays readable. */
    SWITCHING,
    /** Swapped in; the checksum is the rebuilt view's. */
    COMPLETED,
    /** Given up; the live view is as it was. */
    FAILED
}
