/**
 * Where each document sits in each system: the reconciliation view's rows, its divergence flags and the
 * end-to-end trace of a business key, with the queries that ask for them.
 */
package org.integrationledger.model.reconciliation;
