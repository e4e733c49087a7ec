/** Throttling: each principal's request rate, held in PostgreSQL buckets shared by every ledger node. */
package org.integrationledger.app.throttling;
