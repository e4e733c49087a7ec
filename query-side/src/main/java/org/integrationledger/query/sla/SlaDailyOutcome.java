package org.integrationledger.query.sla;

import java.time.LocalDate;

/**
 * The clocks of a rule that stopped on one UTC day (by business stop time): met in time, and met late, i.e.
 * breached before their stop event came. The same numbers as {@code GET /api/v1/slas/history} over that day.
 */
public record SlaDailyOutcome(String rule, LocalDate day, long met, long metLate) {
}
