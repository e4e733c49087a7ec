package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestClock;
import org.integrationledger.model.sla.DefineSlaRule;
import org.integrationledger.model.sla.RetireSlaRule;
import org.integrationledger.query.sla.SlaDailyOutcome;
import org.integrationledger.query.sla.SlaQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The console's breach trend reads the daily outcomes in one query: for every day they must be what the SLA
 * history answers for that day, the met-late clocks on the day they stopped, days without a stopped clock absent.
 */
class SlaDailyOutcomesIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private TestClock clock;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private SlaQueries queries;

    private SlaFixture sla;
    private String rule;

    @BeforeEach
    void ownRule() {
        sla = new SlaFixture(api);
        rule = "test-daily-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat((Boolean) commands.sendAndWait(new DefineSlaRule(
                SlaIntegrationTest.testRule(rule, Duration.ofMinutes(30)), clock.instant()))).isTrue();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/slas/rules/" + rule, REPORTING_KEY).status() == 200);
    }

    @AfterEach
    void retireOwnRule() {
        commands.sendAndWait(new RetireSlaRule(rule, clock.instant()));
    }

    @Test
    void dailyOutcomesAreTheHistoryOfEachDay() {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant threeDaysAgo = today.minus(3, ChronoUnit.DAYS);
        List<String> orders = List.of(
                approvedAndPosted(threeDaysAgo, 600, 700),   // met late, three days ago
                approvedAndPosted(threeDaysAgo, 800, 810),   // met, three days ago
                approvedAndPosted(threeDaysAgo, 1430, 1500), // approved that day, met late the next (stop day counts)
                approvedAndPosted(today, 0, 5));             // met, today
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream().allMatch(po -> {
            JsonNode stopped = sla.clock(po, rule);
            return stopped != null && stopped.path("stoppedAt").isTextual();
        }));

        LocalDate to = LocalDate.ofInstant(today, ZoneOffset.UTC);
        LocalDate from = to.minusDays(5);
        List<SlaDailyOutcome> mine = queries.dailyOutcomes(from, to).stream()
                .filter(outcome -> outcome.rule().equals(rule)).toList();
        LocalDate first = LocalDate.ofInstant(threeDaysAgo, ZoneOffset.UTC);
        assertThat(mine).containsExactly(
                new SlaDailyOutcome(rule, first, 1, 1),
                new SlaDailyOutcome(rule, first.plusDays(1), 0, 1),
                new SlaDailyOutcome(rule, to, 1, 0));
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate date = day;
            JsonNode history = sla.get("/api/v1/slas/history?rule=" + rule + "&from=" + day + "T00:00:00Z&to="
                    + day.plusDays(1) + "T00:00:00Z&size=1");
            SlaDailyOutcome read = mine.stream().filter(outcome -> outcome.day().equals(date)).findFirst()
                    .orElse(new SlaDailyOutcome(rule, day, 0, 0));
            assertThat(read.met()).as("met on " + day).isEqualTo(history.path("met").asLong());
            assertThat(read.metLate()).as("met late on " + day).isEqualTo(history.path("metLate").asLong());
        }
        assertThatThrownBy(() -> queries.dailyOutcomes(to, from)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An order approved and posted in its ERP at minutes from the given instant (business time). */
    private String approvedAndPosted(Instant base, int approvedAt, int postedAt) {
        String po = newPurchaseOrderId();
        sla.approve(po, "US01", base.plus(approvedAt, ChronoUnit.MINUTES));
        sla.issued(po, "US01", "USD", base.plus(approvedAt + 1, ChronoUnit.MINUTES));
        sla.posted(po, "ERP_NA", base.plus(postedAt, ChronoUnit.MINUTES));
        return po;
    }
}
