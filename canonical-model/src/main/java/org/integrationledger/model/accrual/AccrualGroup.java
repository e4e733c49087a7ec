package org.integrationledger.model.accrual;

import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;

/**
 * The accrual of one legal entity in one currency: both totals and how many open lines make each up. The totals
 * are always over every open line, however many there are; the lines themselves are paged in the report.
 */
public record AccrualGroup(LegalEntityId legalEntity, CurrencyCode currency, Money receivedNotInvoiced,
                           Money invoicedNotReceived, long receivedNotInvoicedLines, long invoicedNotReceivedLines) {
}
