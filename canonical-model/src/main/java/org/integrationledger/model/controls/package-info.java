/** Finance controls the ledger proves from its events: what a violation is, and the events that are its evidence. */
package org.integrationledger.model.controls;
