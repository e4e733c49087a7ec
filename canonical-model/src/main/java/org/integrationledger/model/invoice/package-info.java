/** Commands, events and queries of supplier invoices and their payments as connectors and readers see them. */
package org.integrationledger.model.invoice;
