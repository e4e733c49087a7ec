package org.integrationledger.model.accrual;

import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;

import java.util.List;

/** The accrual of one legal entity in one currency: both totals and the open lines behind them. */
public record AccrualGroup(LegalEntityId legalEntity, CurrencyCode currency, Money receivedNotInvoiced,
                           Money invoicedNotReceived, List<AccrualLine> lines) {

    public AccrualGroup {
        lines = List.copyOf(lines);
    }
}
