package org.integrationledger.app.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Group commit: a batch's messages share one PostgreSQL transaction, and a message that is refused or fails in the
 * middle neither rolls back nor blocks the others. Transactions are counted by PostgreSQL itself: with
 * {@code track_commit_timestamp} every row carries the commit time of the transaction that wrote it, so the
 * distinct commit times of the messages' idempotency rows are the commits that recorded them.
 */
class GroupCommitIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry meters;

    @BeforeEach
    void commitTimesAreTracked() {
        assumeTrue("on".equals(jdbc.queryForObject("SHOW track_commit_timestamp", String.class)),
                "the test database tracks commit timestamps");
    }

    @AfterEach
    void removeFailureInjection() {
        jdbc.execute("DROP TRIGGER IF EXISTS fail_message ON connector_message");
        jdbc.execute("DROP FUNCTION IF EXISTS fail_message()");
        jdbc.execute("DROP TABLE IF EXISTS failing_message");
        jdbc.execute("DROP SEQUENCE IF EXISTS failing_message_attempts");
    }

    @Test
    void recordsABatchInOneCommitWhereSingleRequestsTakeOneEach() {
        List<Map<String, Object>> singles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = issue("US01", "USD");
            singles.add(body);
            assertThat(api.post("/api/v1/purchase-orders/" + newPurchaseOrderId() + "/issue", PROCUREMENT_KEY, body)
                    .status()).isEqualTo(200);
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(message("purchase-orders/issue", newPurchaseOrderId(), issue("US01", "USD")));
        }
        double commitsBefore = counter(GroupCommit.COMMITS);
        double messagesBefore = counter(GroupCommit.MESSAGES);

        Response answer = api.post("/api/v1/messages", PROCUREMENT_KEY, Map.of("messages", messages));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("outcomes")).allMatch(outcome -> "RECORDED".equals(status(outcome)));
        assertThat(commitsOf(singles.stream().map(GroupCommitIntegrationTest::messageId).toList())).isEqualTo(5);
        assertThat(commitsOf(messages.stream().map(GroupCommitIntegrationTest::messageIdOf).toList())).isEqualTo(1);
        assertThat(counter(GroupCommit.COMMITS) - commitsBefore).isEqualTo(1);
        assertThat(counter(GroupCommit.MESSAGES) - messagesBefore).isEqualTo(40);
    }

    @Test
    void aRefusedMessageInTheMiddleIsRolledBackAloneAndTheOthersShareTheCommit() {
        String po = newPurchaseOrderId();
        String second = newPurchaseOrderId();
        String third = newPurchaseOrderId();
        List<Map<String, Object>> messages = List.of(
                message("purchase-orders/issue", po, issue("US01", "USD")),
                message("purchase-orders/issue", second, issue("US01", "USD")),
                message("purchase-orders/issue", po, issue("US01", "USD")),
                message("purchase-orders/goods-receipts", po, receipt("10", null)),
                message("purchase-orders/issue", third, issue("US01", "USD")));

        Response answer = api.post("/api/v1/messages", PROCUREMENT_KEY, Map.of("messages", messages));

        JsonNode outcomes = answer.body().path("outcomes");
        assertThat(outcomes).extracting(GroupCommitIntegrationTest::status)
                .containsExactly("RECORDED", "RECORDED", "REJECTED", "RECORDED", "RECORDED");
        assertThat(outcomes.get(2).path("code").asText()).isEqualTo("purchase-order-already-issued");
        assertThat(outcomes.get(3).path("ledgerVersion").asLong()).isEqualTo(1);
        assertThat(events.eventTypes(po)).containsExactly("PurchaseOrderIssued", "GoodsReceived");
        assertThat(events.eventCount(second)).isEqualTo(1);
        assertThat(events.eventCount(third)).isEqualTo(1);
        List<String> recorded = List.of(messageIdOf(messages.get(0)), messageIdOf(messages.get(1)),
                messageIdOf(messages.get(3)), messageIdOf(messages.get(4)));
        assertThat(commitsOf(recorded)).isEqualTo(1);
        // The refusal's claim of its message id was rolled back with it: a corrected resend is accepted.
        assertThat(commitsOf(List.of(messageIdOf(messages.get(2))))).isZero();
    }

    @Test
    void aMessageFailingUnexpectedlyInTheMiddleIsRetriedAloneAndTheOthersStayRecorded() {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.add(message("purchase-orders/issue", newPurchaseOrderId(), issue("US01", "USD")));
        }
        failOnce(messageIdOf(messages.get(3)));
        double fallbacksBefore = counter(GroupCommit.FALLBACKS);

        Response answer = api.post("/api/v1/messages", PROCUREMENT_KEY, Map.of("messages", messages));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("outcomes")).extracting(GroupCommitIntegrationTest::status)
                .containsOnly("RECORDED").hasSize(6);
        messages.forEach(message -> assertThat(events.eventCount((String) message.get("documentId"))).isEqualTo(1));
        // The three before it in one commit, it alone in its own, the two after it in the next group's.
        assertThat(commitsOf(messages.subList(0, 3).stream().map(GroupCommitIntegrationTest::messageIdOf).toList()))
                .isEqualTo(1);
        assertThat(commitsOf(messages.stream().map(GroupCommitIntegrationTest::messageIdOf).toList())).isEqualTo(3);
        assertThat(counter(GroupCommit.FALLBACKS) - fallbacksBefore).isEqualTo(1);
    }

    @Test
    void aMessageThatKeepsFailingEndsTheBatchAndTheResendReplaysWhatWasRecorded() {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            messages.add(message("purchase-orders/issue", newPurchaseOrderId(), issue("US01", "USD")));
        }
        failAlways(messageIdOf(messages.get(2)));

        Response failed = api.post("/api/v1/messages", PROCUREMENT_KEY, Map.of("messages", messages));

        assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
        assertThat(events.eventCount((String) messages.get(0).get("documentId"))).isEqualTo(1);
        assertThat(events.eventCount((String) messages.get(1).get("documentId"))).isEqualTo(1);
        assertThat(events.eventCount((String) messages.get(2).get("documentId"))).isZero();
        assertThat(events.eventCount((String) messages.get(3).get("documentId"))).isZero();

        removeFailureInjection();
        Response resent = api.post("/api/v1/messages", PROCUREMENT_KEY, Map.of("messages", messages));

        assertThat(resent.body().path("outcomes")).extracting(GroupCommitIntegrationTest::status)
                .containsExactly("REPLAYED", "REPLAYED", "RECORDED", "RECORDED");
        messages.forEach(message -> assertThat(events.eventCount((String) message.get("documentId"))).isEqualTo(1));
    }

    /** The next claim of the message id fails with a PostgreSQL error (as a lost connection would), later ones pass. */
    private void failOnce(String messageId) {
        // A sequence is not transactional: the failing statement's rollback does not undo its first value.
        injectFailure(messageId, "AND nextval('failing_message_attempts') = 1");
    }

    private void failAlways(String messageId) {
        injectFailure(messageId, "");
    }

    private void injectFailure(String messageId, String condition) {
        jdbc.execute("CREATE TABLE failing_message (message_id text PRIMARY KEY)");
        jdbc.execute("CREATE SEQUENCE failing_message_attempts");
        jdbc.update("INSERT INTO failing_message VALUES (?)", messageId);
        jdbc.execute("""
                CREATE FUNCTION fail_message() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM failing_message WHERE message_id = NEW.message_id) %s THEN
                    RAISE EXCEPTION 'injected failure for %%', NEW.message_id;
                  END IF;
                  RETURN NEW;
                END $$""".formatted(condition));
        jdbc.execute("CREATE TRIGGER fail_message BEFORE INSERT ON connector_message FOR EACH ROW "
                + "EXECUTE FUNCTION fail_message()");
    }

    private long commitsOf(List<String> messageIds) {
        return jdbc.queryForObject("SELECT count(DISTINCT pg_xact_commit_timestamp(xmin)) FROM connector_message "
                + "WHERE message_id = ANY (?)", Long.class, (Object) messageIds.toArray(String[]::new));
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private static Map<String, Object> message(String command, String documentId, Map<String, Object> body) {
        Map<String, Object> message = new HashMap<>();
        message.put("command", command);
        message.put("documentId", documentId);
        message.put("body", body);
        return message;
    }

    @SuppressWarnings("unchecked")
    private static String messageIdOf(Map<String, Object> message) {
        return messageId((Map<String, Object>) message.get("body"));
    }

    private static String messageId(Map<String, Object> body) {
        return (String) body.get("messageId");
    }

    private static String status(JsonNode outcome) {
        return outcome.path("status").asText();
    }
}
