/** Metrics of projection rebuilds, so their progress shows on the ledger's dashboards as well as in the API. */
package org.integrationledger.app.rebuild;
