/**
 * The benchmark bulk loader: appends many valid canonical documents through the ledger's own event store, so
 * benchmarks can measure a ledger that already holds millions of events (off unless explicitly enabled).
 */
package org.integrationledger.app.benchmark;
