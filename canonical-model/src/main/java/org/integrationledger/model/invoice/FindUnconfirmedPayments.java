package org.integrationledger.model.invoice;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;

/**
 * Question 4: payments treasury executed whose confirmation procurement has not acknowledged, longest waiting
 * first; the legal entity filter is optional.
 */
public record FindUnconfirmedPayments(LegalEntityId legalEntity, PageRequest page) {

    public FindUnconfirmedPayments {
        Checks.required(page, "page");
    }
}
