/**
 * The operators' API of the ledger: the documents the projections have parked, listed by business key, retried
 * after a fix or evicted (admin only).
 */
package org.integrationledger.app.operations;
