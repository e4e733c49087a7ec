/** Upcasters that read events stored under an older revision as the current revision, for every reader of the store. */
package org.integrationledger.app.upcasting;
