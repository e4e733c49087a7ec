/** GR/IR facts per purchase-order line on both time axes, and the period-end accrual report read from them. */
package org.integrationledger.query.accrual;
