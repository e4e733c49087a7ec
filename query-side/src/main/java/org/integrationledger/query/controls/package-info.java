/**
 * The controls report: every finance control violation with the events that prove it, its projection, its
 * announcement on the webhook, and the API an auditor samples from (docs/controls.md).
 */
package org.integrationledger.query.controls;
