package org.integrationledger.model.controls;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;

import java.time.Instant;

/** The controls report's page: violations of a kind, region and legal entity since a business time (null: any). */
public record ListControlViolations(ControlKind kind, String region, LegalEntityId legalEntity, Instant since,
                                    PageRequest page) {

    public ListControlViolations {
        Checks.required(page, "page");
    }
}
