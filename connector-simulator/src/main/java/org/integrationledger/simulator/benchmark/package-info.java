/** The benchmark harness: starts the ledger as child processes, measures it against same-run baselines, reports. */
package org.integrationledger.simulator.benchmark;
