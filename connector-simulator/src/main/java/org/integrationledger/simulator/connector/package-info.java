/**
 * The connector side of the wire: the ledger's channels (HTTP, HTTP batch, Kafka) with many concurrent
 * connections, measured.
 */
package org.integrationledger.simulator.connector;
