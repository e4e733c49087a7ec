package org.integrationledger.model.accrual;

import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;

/** How many open lines of one legal entity and currency carry a reason, and their open amount. */
public record VarianceTotal(VarianceReason reason, LegalEntityId legalEntity, CurrencyCode currency, long lines,
                            Money openAmount) {
}
