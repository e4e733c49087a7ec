/** Metrics, health and tracing of the running ledger: SLA gauges, connector command rates, processor state, spans. */
package org.integrationledger.app.observability;
