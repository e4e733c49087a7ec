package org.integrationledger.query.controls;

import org.axonframework.queryhandling.QueryHandler;
import org.integrationledger.model.controls.ControlViolationPage;
import org.integrationledger.model.controls.ListControlViolations;
import org.springframework.stereotype.Component;

/** Answers the controls report's query on the query bus, for readers other than the REST API (the console). */
@Component
class ControlViolationQueries {

    private final ControlViolationTable table;

    ControlViolationQueries(ControlViolationTable table) {
        this.table = table;
    }

    @QueryHandler
    ControlViolationPage handle(ListControlViolations query) {
        return table.page(new ControlViolationTable.Criteria(query.kind(), query.region(),
                query.legalEntity() == null ? null : query.legalEntity().value(), query.since()), query.page());
    }
}
