package org.integrationledger.query.accrual;

import org.integrationledger.model.accrual.AccrualReport;
import org.integrationledger.model.accrual.VarianceReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the accrual reports from the facts of the open lines, by {@link AccrualReportRules}. */
@Component
class AccrualQueries {

    private final AccrualFacts facts;

    AccrualQueries(AccrualFacts facts) {
        this.facts = facts;
    }

    @Transactional(readOnly = true)
    AccrualReport report(AccrualCriteria criteria) {
        return AccrualReportRules.report(criteria, facts.openLineFacts(criteria));
    }

    @Transactional(readOnly = true)
    VarianceReport variances(AccrualCriteria criteria) {
        return AccrualReportRules.variances(criteria, facts.openLineFacts(criteria));
    }
}
