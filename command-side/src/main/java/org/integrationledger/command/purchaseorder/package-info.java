/** The purchase-order aggregate, its rules and the connector endpoints that report purchase-order facts. */
package org.integrationledger.command.purchaseorder;
