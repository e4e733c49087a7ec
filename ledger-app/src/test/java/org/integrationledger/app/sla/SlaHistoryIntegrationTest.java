package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestClock;
import org.integrationledger.model.sla.DefineSlaRule;
import org.integrationledger.model.sla.RetireSlaRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The history's met / met-late counts come from the daily counts the clock projection keeps (whole UTC days) and
 * from the clocks (the partial days at the edges): they must equal a plain count over the clocks, also after the
 * projection is replayed.
 */
class SlaHistoryIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventProcessingConfiguration processing;

    private SlaFixture sla;
    private String rule;

    @BeforeEach
    void ownRule() {
        sla = new SlaFixture(api);
        // A rule of its own, so the counts of this test are not those of every other test's orders.
        rule = "test-history-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat((Boolean) commands.sendAndWait(new DefineSlaRule(
                SlaIntegrationTest.testRule(rule, Duration.ofMinutes(30)), clock.instant()))).isTrue();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/slas/rules/" + rule, REPORTING_KEY).status() == 200);
    }

    @AfterEach
    void retireOwnRule() {
        commands.sendAndWait(new RetireSlaRule(rule, clock.instant()));
        clock.reset();
    }

    @Test
    void countsOfAPeriodWithPartialEdgeDaysEqualACountOverTheClocks() {
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(10, ChronoUnit.DAYS);
        Instant from = day.minus(150, ChronoUnit.MINUTES);
        Instant to = day.plus(2, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS);
        List<String> orders = new ArrayList<>();
        // approved, posted (minutes from midnight of day): before, at and after each edge, and whole days between.
        orders.add(approvedAndPosted(day, -240, -180));  // met late before from: not counted
        orders.add(approvedAndPosted(day, -170, -150));  // met exactly at from: counted
        orders.add(approvedAndPosted(day, -120, -110));  // met in the first, partial day
        orders.add(approvedAndPosted(day, 600, 650));    // met late on the first whole day
        orders.add(approvedAndPosted(day, 1740, 1745));  // met on the second whole day
        orders.add(approvedAndPosted(day, 2940, 2985));  // met late in the last, partial day
        orders.add(approvedAndPosted(day, 3040, 3060));  // met exactly at to: not counted
        orders.add(approvedAndPosted(day, 3100, 3110));  // met after to: not counted
        // Out of order: the posting is reported before the approval (the projection closes the clock on start).
        String early = newPurchaseOrderId();
        sla.posted(early, "ERP_NA", day.plus(1, ChronoUnit.DAYS).plus(6, ChronoUnit.HOURS).plusSeconds(600));
        sla.approve(early, "US01", day.plus(1, ChronoUnit.DAYS).plus(6, ChronoUnit.HOURS));
        orders.add(early);
        awaitAllStopped(orders);

        JsonNode history = history(from, to, null);
        assertThat(history.path("met").asLong()).isEqualTo(4);
        assertThat(history.path("metLate").asLong()).isEqualTo(2);
        assertThat(Map.of("MET", history.path("met").asLong(), "MET_LATE", history.path("metLate").asLong()))
                .isEqualTo(countedOverClocks(from, to));
        assertThat(history.path("total").asLong()).isEqualTo(6);
        assertThat(history.path("totalExact").asBoolean()).isTrue();
        assertThat(history.path("items").size()).isEqualTo(6);
        JsonNode late = history(from, to, "MET_LATE");
        assertThat(late.path("total").asLong()).isEqualTo(2);
        assertThat(late.path("items").size()).isEqualTo(2);

        // Whole days only (rollup alone), and a period inside one day (clocks alone).
        Instant wholeDaysEnd = day.plus(2, ChronoUnit.DAYS);
        JsonNode wholeDays = history(day, wholeDaysEnd, null);
        assertThat(Map.of("MET", wholeDays.path("met").asLong(), "MET_LATE", wholeDays.path("metLate").asLong()))
                .isEqualTo(countedOverClocks(day, wholeDaysEnd)).isEqualTo(Map.of("MET", 2L, "MET_LATE", 1L));
        Instant morning = day.plus(2, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS);
        JsonNode withinADay = history(morning, to, null);
        assertThat(Map.of("MET", withinADay.path("met").asLong(), "MET_LATE", withinADay.path("metLate").asLong()))
                .isEqualTo(countedOverClocks(morning, to)).isEqualTo(Map.of("MET", 0L, "MET_LATE", 1L));
    }

    @Test
    void dailyCountsEqualTheClocksAfterAMixedScenarioAndAfterAReplay() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<String> orders = new ArrayList<>();
        orders.add(approvedAndPosted(now, -600, -590));
        orders.add(approvedAndPosted(now, -600, -500));
        orders.add(approvedAndPosted(now, -3000, -2990));
        String running = newPurchaseOrderId();
        sla.approve(running, "US01", now.minus(5, ChronoUnit.MINUTES));
        awaitAllStopped(orders);
        sla.awaitClock(running, rule, "RUNNING");
        assertThat(dailyCountsApartFromClocks()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT sum(n) FROM sla_stopped_daily WHERE rule_name = ?", Long.class, rule))
                .isEqualTo(3);
        Map<String, Long> before = countedOverClocks(now.minus(3, ChronoUnit.DAYS), now);

        StreamingEventProcessor processor = processing.eventProcessor("sla-clocks", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sla_stopped_daily", Long.class))
                .as("the reset empties the daily counts with the clocks").isZero();
        processor.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.isReplaying()
                && jdbc.queryForObject("SELECT replay_until FROM sla_projection_status", Long.class) == null);
        awaitCaughtUp("sla-clocks");

        assertThat(dailyCountsApartFromClocks()).isEmpty();
        JsonNode history = history(now.minus(3, ChronoUnit.DAYS), now, null);
        assertThat(Map.of("MET", history.path("met").asLong(), "MET_LATE", history.path("metLate").asLong()))
                .isEqualTo(before).isEqualTo(Map.of("MET", 2L, "MET_LATE", 1L));
    }

    /** An order approved and posted in its ERP at minutes from the given instant (business time). */
    private String approvedAndPosted(Instant base, int approvedAt, int postedAt) {
        String po = newPurchaseOrderId();
        sla.approve(po, "US01", base.plus(approvedAt, ChronoUnit.MINUTES));
        sla.issued(po, "US01", "USD", base.plus(approvedAt + 1, ChronoUnit.MINUTES));
        sla.posted(po, "ERP_NA", base.plus(postedAt, ChronoUnit.MINUTES));
        return po;
    }

    private void awaitAllStopped(List<String> orders) {
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream().allMatch(po -> {
            JsonNode clock = sla.clock(po, rule);
            return clock != null && clock.path("stoppedAt").isTextual();
        }));
    }

    private JsonNode history(Instant from, Instant to, String outcome) {
        return sla.get("/api/v1/slas/history?rule=" + rule + "&from=" + from + "&to=" + to + "&size=500"
                + (outcome == null ? "" : "&outcome=" + outcome));
    }

    private Map<String, Long> countedOverClocks(Instant from, Instant to) {
        Map<String, Long> counts = new HashMap<>(Map.of("MET", 0L, "MET_LATE", 0L));
        jdbc.query("""
                SELECT state, count(*) AS n FROM sla_clock
                WHERE rule_name = ? AND stopped_at >= ? AND stopped_at < ? AND state IN ('MET', 'MET_LATE')
                GROUP BY state""", rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                }, rule, Timestamp.from(from), Timestamp.from(to));
        return counts;
    }

    /** Every (rule, UTC day, state) whose daily count differs from a count over the clocks, read in one snapshot. */
    private List<Map<String, Object>> dailyCountsApartFromClocks() {
        return jdbc.queryForList("""
                SELECT rule_name, day, state, d.n AS daily, c.n AS clocks
                FROM (SELECT rule_name, day, state, n FROM sla_stopped_daily WHERE n <> 0) d
                FULL JOIN (SELECT rule_name, (date_trunc('day', stopped_at AT TIME ZONE 'UTC'))::date AS day, state,
                               count(*) AS n
                           FROM sla_clock WHERE state IN ('MET', 'MET_LATE')
                           GROUP BY rule_name, day, state) c USING (rule_name, day, state)
                WHERE d.n IS DISTINCT FROM c.n""");
    }
}
