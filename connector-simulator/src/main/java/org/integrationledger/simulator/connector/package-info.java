/** The connector side of the wire: HTTP to the ledger's public API, many concurrent connections, measured. */
package org.integrationledger.simulator.connector;
