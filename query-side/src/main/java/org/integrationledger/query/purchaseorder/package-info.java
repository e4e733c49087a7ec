/** The purchase-order view: each order's state in procurement and in its ERP, side by side. */
package org.integrationledger.query.purchaseorder;
