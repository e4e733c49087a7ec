/** The supplier view and the supplier-propagation view: each supplier's golden record and every system's copy of it. */
package org.integrationledger.query.supplier;
