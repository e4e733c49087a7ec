/** Commands, events and queries of purchase orders as connectors and readers see them. */
package org.integrationledger.model.purchaseorder;
