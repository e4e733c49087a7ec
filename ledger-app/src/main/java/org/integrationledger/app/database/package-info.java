/** Where the ledger's data lives: an embedded PostgreSQL that keeps its files, or an external one by URL. */
package org.integrationledger.app.database;
