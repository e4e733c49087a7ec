/** The runnable ledger: assembles the command side and the query side over one PostgreSQL event store. */
package org.integrationledger.app;
