package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestClock;
import org.integrationledger.model.sla.DefineSlaRule;
import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaScope;
import org.integrationledger.query.sla.SlaEvaluator;
import org.integrationledger.query.sla.SlaOpenCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.sla.SlaFixture.PO_RULE;
import static org.integrationledger.app.sla.SlaFixture.SUPPLIER_RULE;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * Business SLAs end to end: the shipped rules start and stop clocks from connector events, the evaluator moves
 * them through at-risk and breached by the (advanceable) clock alone, and a breach is notified exactly once.
 */
class SlaIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private SlaEvaluator evaluator;
    @Autowired
    private TestClock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventProcessingConfiguration processing;

    private SlaFixture sla;

    @BeforeEach
    void fixture() {
        sla = new SlaFixture(api);
    }

    @Autowired
    private SlaOpenCounts openCounts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Whatever a test did to the clocks (starts, moves, stops, rule changes, a replay), the kept counts followed. */
    @AfterEach
    void keptOpenCountsEqualTheClocks() {
        assertThat(openCountsApartFromClocks(jdbc)).isEmpty();
    }

    @Test
    void theKeptOpenCountsFollowEveryClockAndCompactionKeepsTheirSums() {
        String na = newPurchaseOrderId();
        String emea = newPurchaseOrderId();
        sla.approve(na, "US01", now().minus(26, ChronoUnit.MINUTES));
        sla.approve(emea, "DE01", now().minus(31, ChronoUnit.MINUTES));
        sla.awaitClock(na, PO_RULE, "RUNNING");
        sla.awaitClock(emea, PO_RULE, "RUNNING");
        assertThat(openCountsApartFromClocks(jdbc)).isEmpty();
        evaluator.evaluate();
        assertThat(sla.clock(na, PO_RULE).path("state").asText()).isEqualTo("AT_RISK");
        assertThat(sla.clock(emea, PO_RULE).path("state").asText()).isEqualTo("BREACHED");
        assertThat(openCountsApartFromClocks(jdbc)).isEmpty();

        Map<String, Long> before = ruleCounts(PO_RULE);
        assertThat(openCounts.compact()).as("the deltas the starts and moves appended are folded").isPositive();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) = count(DISTINCT (rule_name, region, state)) FROM sla_open_count_delta""",
                Boolean.class)).as("one row per key after folding").isTrue();
        assertThat(openCountsApartFromClocks(jdbc)).isEmpty();
        assertThat(ruleCounts(PO_RULE)).as("folding changes no sum").isEqualTo(before);

        // The ERP posting stops the breached clock: it leaves the open counts.
        sla.issued(emea, "DE01", "EUR", now().minus(30, ChronoUnit.MINUTES));
        sla.posted(emea, "ERP_EMEA", now());
        sla.awaitClock(emea, PO_RULE, "MET_LATE");
        assertThat(openCountsApartFromClocks(jdbc)).isEmpty();
        assertThat(catchThrowable(() -> jdbc.execute("TRUNCATE sla_clock")))
                .as("truncating the clocks would leave their counts behind").hasMessageContaining("not truncated");
    }

    /** The open states of a rule as its status in the API counts them. */
    private Map<String, Long> ruleCounts(String rule) {
        JsonNode status = sla.get("/api/v1/slas/rules/" + rule);
        return Map.of("running", status.path("running").asLong(), "atRisk", status.path("atRisk").asLong(),
                "breached", status.path("breached").asLong());
    }

    /**
     * Where the kept open counts differ from a count of the clocks, in one statement and so in one snapshot: empty
     * when they agree, whatever the processors are doing meanwhile.
     */
    static List<Map<String, Object>> openCountsApartFromClocks(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                WITH kept AS (
                    SELECT rule_name, region, state, sum(n)::bigint AS n FROM sla_open_count_delta
                    GROUP BY rule_name, region, state HAVING sum(n) <> 0),
                counted AS (
                    SELECT rule_name, coalesce(region, 'UNKNOWN') AS region, state, count(*)::bigint AS n
                    FROM sla_clock WHERE state IN ('RUNNING', 'AT_RISK', 'BREACHED')
                    GROUP BY rule_name, coalesce(region, 'UNKNOWN'), state)
                (SELECT 'kept' AS side, * FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted) k)
                UNION ALL
                (SELECT 'counted' AS side, * FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept) c)""");
    }

    @Test
    void purchaseOrderClockRunsGoesAtRiskBreachesAndIsMetLateWhenThePostingArrives() {
        String po = newPurchaseOrderId();
        Instant approved = now();
        sla.approve(po, "DE01", approved);
        JsonNode running = sla.awaitClock(po, PO_RULE, "RUNNING");
        assertThat(running.path("startedAt").asText()).isEqualTo(approved.toString());
        assertThat(running.path("dueAt").asText()).isEqualTo(approved.plus(30, ChronoUnit.MINUTES).toString());
        assertThat(running.path("legalEntity").asText()).isEqualTo("DE01");

        evaluator.evaluate();
        assertThat(sla.clock(po, PO_RULE).path("state").asText()).as("20 %% of the limit used").isEqualTo("RUNNING");

        clock.advance(Duration.ofMinutes(25));
        evaluator.evaluate();
        assertThat(sla.clock(po, PO_RULE).path("state").asText()).isEqualTo("AT_RISK");
        assertThat(documents("/api/v1/slas/open?state=AT_RISK&rule=" + PO_RULE + "&size=500")).contains(po);

        // The ERP the order waits for is only named when the order is issued; the clock learns it then.
        sla.issued(po, "DE01", "EUR", approved.plusSeconds(60));
        sla.awaitClock(po, PO_RULE, clock -> clock.path("system").asText().equals("ERP_EMEA"));
        assertThat(sla.clock(po, PO_RULE).path("region").asText()).isEqualTo("EMEA");
        assertThat(documents("/api/v1/slas/open?region=EMEA&system=ERP_EMEA&legalEntity=DE01&size=500")).contains(po);
        assertThat(documents("/api/v1/slas/open?region=NA&size=500")).doesNotContain(po);

        clock.advance(Duration.ofMinutes(10));
        SlaEvaluator.Evaluation evaluation = evaluator.evaluate();
        assertThat(evaluation.notified()).contains(new SlaEvaluator.ClockRef(PO_RULE, po, "-"));
        JsonNode breached = sla.clock(po, PO_RULE);
        assertThat(breached.path("state").asText()).isEqualTo("BREACHED");
        assertThat(documents("/api/v1/slas/open?state=BREACHED&rule=" + PO_RULE + "&olderThan=PT30M&size=500"))
                .contains(po);
        assertThat(notifications(po)).isEqualTo(1);

        Instant posted = approved.plus(40, ChronoUnit.MINUTES);
        sla.posted(po, "ERP_EMEA", posted);
        JsonNode late = sla.awaitClock(po, PO_RULE, "MET_LATE");
        assertThat(late.path("stoppedAt").asText()).isEqualTo(posted.toString());
        assertThat(late.path("stopEvent").asText()).isEqualTo("PurchaseOrderPostedInErp");
        assertThat(late.path("overdueBy").asText()).isEqualTo("PT10M");
        assertThat(documents("/api/v1/slas/open?rule=" + PO_RULE + "&size=500")).doesNotContain(po);
        JsonNode history = sla.get("/api/v1/slas/history?rule=" + PO_RULE + "&outcome=MET_LATE&size=500&from="
                + approved + "&to=" + approved.plus(1, ChronoUnit.HOURS));
        assertThat(history.path("items").findValuesAsText("documentId")).contains(po);
        assertThat(history.path("metLate").asLong()).isPositive();
    }

    @Test
    void postingWithinTheLimitIsMetEvenWhenItArrivesAfterTheBreach() {
        String onTime = newPurchaseOrderId();
        String lateReport = newPurchaseOrderId();
        Instant approved = now();
        sla.approve(onTime, "US01", approved);
        sla.issued(onTime, "US01", "USD", approved.plusSeconds(60));
        // Ten minutes pass before the ERP posts: the ledger takes no fact dated ahead of its clock.
        clock.advance(Duration.ofMinutes(10));
        sla.posted(onTime, "ERP_NA", approved.plus(10, ChronoUnit.MINUTES));
        JsonNode met = sla.awaitClock(onTime, PO_RULE, "MET");
        assertThat(met.path("system").asText()).isEqualTo("ERP_NA");
        assertThat(met.path("age").asText()).isEqualTo("PT10M");

        sla.approve(lateReport, "US01", approved);
        sla.issued(lateReport, "US01", "USD", approved.plusSeconds(60));
        sla.awaitClock(lateReport, PO_RULE, clock -> clock.path("system").asText().equals("ERP_NA"));
        clock.advance(Duration.ofMinutes(35));
        evaluator.evaluate();
        sla.awaitClock(lateReport, PO_RULE, "BREACHED");
        // The ERP posted after 20 minutes; its connector only reported it now. Business time decides.
        sla.posted(lateReport, "ERP_NA", approved.plus(20, ChronoUnit.MINUTES));
        JsonNode closed = sla.awaitClock(lateReport, PO_RULE, "MET");
        assertThat(closed.path("stoppedAt").asText()).isEqualTo(approved.plus(20, ChronoUnit.MINUTES).toString());
        assertThat(Instant.parse(closed.path("stopRecordedAt").asText()))
                .isAfter(Instant.parse(closed.path("startRecordedAt").asText()));
        assertThat(closed.path("breachedSince").isNull()).as("it was breached before the report arrived").isFalse();
        JsonNode history = sla.get("/api/v1/slas/history?rule=" + PO_RULE + "&outcome=MET&size=500&from="
                + approved + "&to=" + approved.plus(1, ChronoUnit.HOURS));
        assertThat(history.path("items").findValuesAsText("documentId")).contains(onTime, lateReport);
    }

    @Test
    void aPostingReportedBeforeTheApprovalClosesTheClockAsSoonAsTheApprovalArrives() {
        String po = newPurchaseOrderId();
        Instant approved = now();
        // Out of order: the ERP's acknowledgment reaches the ledger before procurement reports anything.
        sla.posted(po, "ERP_NA", approved.plus(5, ChronoUnit.MINUTES));
        sla.approve(po, "US01", approved);
        JsonNode met = sla.awaitClock(po, PO_RULE, "MET");
        assertThat(met.path("stoppedAt").asText()).isEqualTo(approved.plus(5, ChronoUnit.MINUTES).toString());
        assertThat(met.path("stopEvent").asText()).isEqualTo("PurchaseOrderPostedInErp");
        clock.advance(Duration.ofHours(1));
        evaluator.evaluate();
        assertThat(sla.clock(po, PO_RULE).path("state").asText()).isEqualTo("MET");
    }

    @Test
    void onlyThePostingInTheOrdersOwnErpStopsItsClock() {
        String po = newPurchaseOrderId();
        Instant approved = now();
        sla.approve(po, "US01", approved);
        sla.issued(po, "US01", "USD", approved.plusSeconds(60));
        sla.awaitClock(po, PO_RULE, clock -> clock.path("system").asText().equals("ERP_NA"));
        clock.advance(Duration.ofMinutes(12));
        sla.posted(po, "ERP_EMEA", approved.plus(5, ChronoUnit.MINUTES));
        sla.posted(po, "ERP_NA", approved.plus(12, ChronoUnit.MINUTES));
        JsonNode met = sla.awaitClock(po, PO_RULE, "MET");
        assertThat(met.path("stoppedAt").asText()).as("ERP_EMEA's report did not stop ERP_NA's clock")
                .isEqualTo(approved.plus(12, ChronoUnit.MINUTES).toString());
    }

    @Test
    void everyTargetSystemHasItsOwnClockForTheSupplierVersion() {
        String supplier = newSupplierId();
        Instant created = now();
        ok(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok(path(supplier, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-9", created));
        JsonNode emea = await().atMost(Duration.ofSeconds(15)).until(() -> clockOf(supplier, "ERP_EMEA@v1"),
                clock -> clock != null);
        assertThat(emea.path("region").asText()).isEqualTo("EMEA");
        assertThat(emea.path("dueAt").asText()).isEqualTo(created.plus(4, ChronoUnit.HOURS).toString());
        assertThat(clockOf(supplier, "PROCUREMENT@v1")).isNotNull();

        clock.advance(Duration.ofHours(1));
        ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY,
                acknowledgment("ERP_EMEA", 1, "E-1", null, created.plus(1, ChronoUnit.HOURS)));
        await().atMost(Duration.ofSeconds(15)).until(() -> clockOf(supplier, "ERP_EMEA@v1").path("state").asText(),
                "MET"::equals);
        clock.advance(Duration.ofHours(3).plusMinutes(1));
        evaluator.evaluate();
        assertThat(clockOf(supplier, "PROCUREMENT@v1").path("state").asText()).isEqualTo("BREACHED");
        assertThat(clockOf(supplier, "ERP_EMEA@v1").path("state").asText()).isEqualTo("MET");
        assertThat(documents("/api/v1/slas/open?rule=" + SUPPLIER_RULE + "&system=PROCUREMENT&size=500"))
                .contains(supplier);
    }

    @Test
    void aChangedLimitIsRecordedAndAppliesToOpenClocks() {
        String rule = "test-change-" + UUID.randomUUID().toString().substring(0, 8);
        SlaRuleDefinition thirtyMinutes = testRule(rule, Duration.ofMinutes(30));
        assertThat((Boolean) commands.sendAndWait(new DefineSlaRule(thirtyMinutes, now()))).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/slas/rules/" + rule, REPORTING_KEY).status() == 200);
        String po = newPurchaseOrderId();
        Instant approved = now();
        sla.approve(po, "US01", approved);
        sla.awaitClock(po, rule, clock -> clock.path("dueAt").asText().equals(approved.plus(30, ChronoUnit.MINUTES).toString()));

        assertThat((Boolean) commands.sendAndWait(new DefineSlaRule(thirtyMinutes, now())))
                .as("the same definition again records nothing").isFalse();
        assertThat((Boolean) commands.sendAndWait(new DefineSlaRule(testRule(rule, Duration.ofMinutes(10)), now())))
                .isTrue();
        sla.awaitClock(po, rule, clock -> clock.path("dueAt").asText().equals(approved.plus(10, ChronoUnit.MINUTES).toString()));
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, "sla-rule:" + rule))
                .containsExactly("org.integrationledger.model.sla.SlaRuleDefined",
                        "org.integrationledger.model.sla.SlaRuleChanged");
        JsonNode recorded = sla.get("/api/v1/slas/rules/" + rule);
        assertThat(recorded.path("revision").asInt()).isEqualTo(2);
        assertThat(recorded.path("definition").path("limit").asText()).isEqualTo("PT10M");

        clock.advance(Duration.ofMinutes(11));
        evaluator.evaluate();
        assertThat(sla.clock(po, rule).path("state").asText()).isEqualTo("BREACHED");
        assertThat(sla.clock(po, PO_RULE).path("state").asText()).as("the 30-minute rule is unaffected")
                .isEqualTo("RUNNING");
    }

    @Test
    void twoEvaluatorsRacingNotifyABreachOnce() throws Exception {
        String po = newPurchaseOrderId();
        sla.approve(po, "US01", now().minus(31, ChronoUnit.MINUTES));
        sla.awaitClock(po, PO_RULE, "RUNNING");
        SlaEvaluator nodeA = new SlaEvaluator(jdbc, transactions, clock);
        SlaEvaluator nodeB = new SlaEvaluator(jdbc, transactions, clock);
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<SlaEvaluator.Evaluation> a = CompletableFuture.supplyAsync(() -> race(nodeA, together));
        CompletableFuture<SlaEvaluator.Evaluation> b = CompletableFuture.supplyAsync(() -> race(nodeB, together));

        List<SlaEvaluator.ClockRef> notified = new ArrayList<>(a.get().notified());
        notified.addAll(b.get().notified());
        List<SlaEvaluator.ClockRef> breached = new ArrayList<>(a.get().breached());
        breached.addAll(b.get().breached());
        SlaEvaluator.ClockRef clockRef = new SlaEvaluator.ClockRef(PO_RULE, po, "-");
        assertThat(breached).as("exactly one node moved the clock").containsOnlyOnce(clockRef);
        assertThat(notified).containsOnlyOnce(clockRef);
        assertThat(notifications(po)).isEqualTo(1);
        assertThat(sla.clock(po, PO_RULE).path("state").asText()).isEqualTo("BREACHED");
    }

    @Test
    void aClockHeldByAnotherTransactionIsSkippedNotWaitedFor() throws Exception {
        String held = newPurchaseOrderId();
        String free = newPurchaseOrderId();
        sla.approve(held, "US01", now().minus(31, ChronoUnit.MINUTES));
        sla.approve(free, "US01", now().minus(31, ChronoUnit.MINUTES));
        sla.awaitClock(held, PO_RULE, "RUNNING");
        sla.awaitClock(free, PO_RULE, "RUNNING");
        SlaEvaluator.ClockRef heldRef = new SlaEvaluator.ClockRef(PO_RULE, held, "-");
        SlaEvaluator.ClockRef freeRef = new SlaEvaluator.ClockRef(PO_RULE, free, "-");
        // As the clock projection's batch holds the rows it is changing until it commits.
        try (Connection projection = dataSource.getConnection()) {
            projection.setAutoCommit(false);
            try (PreparedStatement lock = projection.prepareStatement(
                    "SELECT 1 FROM sla_clock WHERE rule_name = ? AND document_id = ? FOR UPDATE")) {
                lock.setString(1, PO_RULE);
                lock.setString(2, held);
                lock.executeQuery().close();
            }
            CompletableFuture<SlaEvaluator.Evaluation> evaluation = CompletableFuture.supplyAsync(evaluator::evaluate);
            try {
                SlaEvaluator.Evaluation skipping = evaluation.get(10, TimeUnit.SECONDS);
                assertThat(skipping.breached()).contains(freeRef).doesNotContain(heldRef);
            } catch (TimeoutException e) {
                throw new AssertionError("the evaluator waited for a clock another transaction holds", e);
            } finally {
                projection.rollback();
            }
            evaluation.get(30, TimeUnit.SECONDS);
        }
        assertThat(evaluator.evaluate().breached()).as("taken at the next evaluation").contains(heldRef);
        assertThat(sla.clock(held, PO_RULE).path("state").asText()).isEqualTo("BREACHED");
    }

    @Test
    void aReplayOfTheClockProjectionNotifiesNoBreachAgain() {
        String po = newPurchaseOrderId();
        sla.approve(po, "US01", now().minus(31, ChronoUnit.MINUTES));
        sla.awaitClock(po, PO_RULE, "RUNNING");
        assertThat(evaluator.evaluate().notified()).contains(new SlaEvaluator.ClockRef(PO_RULE, po, "-"));
        String breachedSince = sla.clock(po, PO_RULE).path("breachedSince").asText();

        StreamingEventProcessor processor = processing.eventProcessor("sla-clocks", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(replayUntil()).as("the reset pauses the evaluator until the replay passes the head").isNotNull();
        processor.start();
        // The replay rebuilds the clock from the events: running again, as the events alone say.
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.isReplaying() && replayUntil() == null
                && sla.clock(po, PO_RULE) != null);

        SlaEvaluator.Evaluation again = evaluator.evaluate();
        assertThat(again.breached()).contains(new SlaEvaluator.ClockRef(PO_RULE, po, "-"));
        assertThat(again.notified()).doesNotContain(new SlaEvaluator.ClockRef(PO_RULE, po, "-"));
        assertThat(notifications(po)).isEqualTo(1);
        assertThat(sla.clock(po, PO_RULE).path("breachedSince").asText()).as("the breach keeps its first time")
                .isEqualTo(breachedSince);
    }

    @Test
    void theEvaluatorMovesNoClockWhileTheClockProjectionReplays() {
        String po = newPurchaseOrderId();
        sla.approve(po, "US01", now().minus(31, ChronoUnit.MINUTES));
        sla.awaitClock(po, PO_RULE, "RUNNING");
        // As the reset handler leaves it while a replay has not yet passed the head.
        jdbc.update("UPDATE sla_projection_status SET replay_until = 9223372036854775807, replay_started_at = now()");
        try {
            SlaEvaluator.Evaluation paused = evaluator.evaluate();
            assertThat(paused.breached()).isEmpty();
            assertThat(paused.atRisk()).isEmpty();
            assertThat(sla.clock(po, PO_RULE).path("state").asText()).isEqualTo("RUNNING");
        } finally {
            jdbc.update("UPDATE sla_projection_status SET replay_until = NULL, replay_started_at = NULL");
        }
        assertThat(evaluator.evaluate().breached()).contains(new SlaEvaluator.ClockRef(PO_RULE, po, "-"));
    }

    @Test
    void answersProblemsWithStableCodes() {
        assertThat(api.get("/api/v1/slas/rules/no-such-rule", REPORTING_KEY).code()).isEqualTo("sla-rule-not-found");
        assertThat(api.get("/api/v1/slas/documents/" + newPurchaseOrderId(), REPORTING_KEY).code())
                .isEqualTo("sla-clocks-not-found");
        assertThat(api.get("/api/v1/slas/open?olderThan=30m", REPORTING_KEY).code()).isEqualTo("validation-failed");
        assertThat(api.get("/api/v1/slas/open?state=MET", REPORTING_KEY).code()).isEqualTo("validation-failed");
        JsonNode rules = sla.get("/api/v1/slas/rules");
        assertThat(rules.findValuesAsText("name")).contains(PO_RULE, SUPPLIER_RULE, "invoice-received-to-matched",
                "invoice-exception-resolved", "payment-confirmed-to-procurement");
    }

    static SlaRuleDefinition testRule(String name, Duration limit) {
        return new SlaRuleDefinition(name, "RequisitionApproved", List.of("PurchaseOrderPostedInErp"), limit, 0.8,
                "LOW", SlaScope.ANY, null, "routedTo", null, null);
    }

    private static SlaEvaluator.Evaluation race(SlaEvaluator evaluator, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return evaluator.evaluate();
    }

    private JsonNode clockOf(String document, String clockKey) {
        LoggedClocks clocks = new LoggedClocks(api.get("/api/v1/slas/documents/" + document, REPORTING_KEY).body());
        return clocks.find(SUPPLIER_RULE, clockKey);
    }

    private record LoggedClocks(JsonNode clocks) {
        JsonNode find(String rule, String clockKey) {
            for (JsonNode clock : clocks) {
                if (clock.path("rule").asText().equals(rule) && clock.path("clockKey").asText().equals(clockKey)) {
                    return clock;
                }
            }
            return null;
        }
    }

    private Long replayUntil() {
        return jdbc.queryForObject("SELECT replay_until FROM sla_projection_status", Long.class);
    }

    private List<String> documents(String path) {
        return sla.get(path).path("items").findValuesAsText("documentId");
    }

    private int notifications(String document) {
        // Other tests' rules may also time this document; these tests are about the shipped purchase-order rule.
        return jdbc.queryForObject("SELECT count(*) FROM sla_breach_notification WHERE document_id = ? "
                + "AND rule_name = ?", Integer.class, document, PO_RULE);
    }

    private void ok(String path, String key, Object body) {
        var response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
