/**
 * Keeps recently used aggregates in memory between commands, so a connector's next message about a document
 * does not read and deserialize the document's whole history again (docs/architecture.md, "Aggregate cache").
 */
package org.integrationledger.command.aggregatecache;
