/** Where a command's business id becomes its document's key in the event store: ids are per document type. */
package org.integrationledger.command.documentkey;
