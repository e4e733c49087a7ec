package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;

import java.time.Duration;
import java.time.Instant;

/**
 * Question 3: supplier copies whose requested version a target system has not acknowledged for longer than
 * {@code unacknowledgedFor} at {@code asOf}, longest pending first; system and region are optional filters.
 */
public record FindUnacknowledgedSupplierCopies(Duration unacknowledgedFor, Instant asOf, SystemId system,
                                               String region, PageRequest page) {

    public FindUnacknowledgedSupplierCopies {
        Checks.required(unacknowledgedFor, "unacknowledgedFor");
        if (unacknowledgedFor.isNegative()) {
            throw new IllegalArgumentException("unacknowledgedFor must not be negative");
        }
        Checks.required(asOf, "asOf");
        Checks.required(page, "page");
    }
}
