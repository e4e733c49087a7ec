package org.integrationledger.query.sla;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The open clocks (RUNNING, AT_RISK, BREACHED) per rule, region and state, as {@code sla_open_count_delta} keeps them:
 * statement triggers on {@code sla_clock} append a signed delta for every statement that starts, moves, stops or
 * deletes open clocks, in that statement's transaction, so a sum over the deltas is an exact count in every snapshot
 * (migration V202612085000). Summing stays cheap because {@link #compact()} folds the deltas into one row per key.
 */
@Component
public class SlaOpenCounts {

    /** A clock without a region is counted under this name (the board shows it; it cannot be filtered on). */
    public static final String UNKNOWN_REGION = "UNKNOWN";

    private final JdbcTemplate jdbc;

    SlaOpenCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, region and open state with at least one clock in it. */
    public List<SlaOpenCount> all() {
        return jdbc.query("""
                SELECT rule_name, region, state, sum(n) AS n FROM sla_open_count_delta
                GROUP BY rule_name, region, state HAVING sum(n) <> 0
                ORDER BY rule_name, region, state""",
                (rs, row) -> new SlaOpenCount(rs.getString("rule_name"), rs.getString("region"),
                        SlaClockState.valueOf(rs.getString("state")), rs.getLong("n")));
    }

    /**
     * Folds the deltas committed so far into one row per key. Deltas of transactions still open are not visible to
     * the DELETE and stay as they are; two nodes compacting at once each fold only the rows they deleted, so the
     * sums never change.
     *
     * @return the number of delta rows folded
     */
    @Scheduled(initialDelayString = "${ledger.sla.open-counts.compaction-interval:PT10S}",
            fixedDelayString = "${ledger.sla.open-counts.compaction-interval:PT10S}")
    public int compact() {
        Integer folded = jdbc.queryForObject("""
                WITH folded AS (DELETE FROM sla_open_count_delta RETURNING rule_name, region, state, n),
                kept AS (
                    INSERT INTO sla_open_count_delta (rule_name, region, state, n)
                    SELECT rule_name, region, state, sum(n) FROM folded
                    GROUP BY rule_name, region, state HAVING sum(n) <> 0)
                SELECT count(*) FROM folded""", Integer.class);
        return folded == null ? 0 : folded;
    }
}
