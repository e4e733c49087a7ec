/** The reference P2P scenario as connector messages: one lifecycle per document kind, deterministic from a seed. */
package org.integrationledger.simulator.workload;
