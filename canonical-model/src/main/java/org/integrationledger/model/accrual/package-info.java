/** Period-end GR/IR accrual report and its variance explanations, as readers see them. */
package org.integrationledger.model.accrual;
