package org.integrationledger.query.sla;

import java.time.Instant;
import java.util.List;

/** Clocks of a rule closed in a period (by business stop time): the met / met-late counts and one page of them. */
public record SlaHistory(String rule, Instant from, Instant to, long met, long metLate, List<SlaClock> items,
                         int page, int size, long total) {
}
