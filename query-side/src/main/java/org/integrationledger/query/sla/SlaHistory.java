package org.integrationledger.query.sla;

import java.time.Instant;
import java.util.List;

/**
 * Clocks of a rule closed in a period (by business stop time): the met / met-late counts and one page of them.
 * The counts are exact and {@code total} is their sum (or the one outcome asked for), so {@code totalExact} is
 * always true; it is there so every paged answer reads the same way.
 */
public record SlaHistory(String rule, Instant from, Instant to, long met, long metLate, List<SlaClock> items,
                         int page, int size, long total, boolean totalExact) {
}
