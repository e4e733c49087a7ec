/**
 * The reconciliation view: one row per document with every system's position side by side and the divergences
 * computed from the events, plus the end-to-end trace of a business key (questions 1-5 and 8 of DOMAIN.md).
 */
package org.integrationledger.query.reconciliation;
