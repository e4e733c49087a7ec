package org.integrationledger.query.sla;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes breach notifications from the outbox to the configured webhook (off while no URL is set). Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several nodes never send the same one at once; a failed
 * delivery is retried with exponential backoff until {@code max-attempts}, then marked FAILED with its last
 * error (visible at {@code /api/v1/slas/notifications?status=FAILED} and in the metrics). Delivery is
 * at-least-once: receivers deduplicate on the {@code Idempotency-Key} header.
 */
@Component
public class SlaBreachWebhook {

    private static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SlaSettings.Webhook settings;
    private final WebhookDelivery delivery;

    @Autowired
    SlaBreachWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, SlaSettings settings) {
        this(jdbc, transactions, clock, settings.webhook());
    }

    public SlaBreachWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                            SlaSettings.Webhook settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
        this.delivery = new WebhookDelivery(jdbc, clock, settings);
    }

    /** What one round did: notifications delivered, and failed attempts (of which some gave up for good). */
    public record Delivery(int sent, int failedAttempts, int givenUp) {
    }

    @Scheduled(initialDelayString = "${ledger.sla.webhook.poll-interval:PT2S}",
            fixedDelayString = "${ledger.sla.webhook.poll-interval:PT2S}")
    void sendOnSchedule() {
        if (settings.enabled()) {
            sendDue();
        }
    }

    public Delivery sendDue() {
        Instant now = clock.instant();
        return transaction.execute(status -> {
            int sent = 0;
            int failed = 0;
            int givenUp = 0;
            String onlyRules = settings.rules().isEmpty() ? ""
                    : " AND rule_name IN (" + String.join(",", settings.rules().stream().map(r -> "?").toList()) + ")";
            List<Object> args = new ArrayList<>();
            args.add(Timestamp.from(now));
            args.addAll(settings.rules());
            args.add(BATCH);
            List<Map<String, Object>> due = jdbc.queryForList("""
                    SELECT id, rule_name, document_id, clock_key, severity, legal_entity, system_id, region,
                        started_at, due_at, breached_at, attempts
                    FROM sla_breach_notification
                    WHERE status = '%s' AND next_attempt_at <= ?""".formatted(NotificationStatus.PENDING.name())
                    + onlyRules + """
                     ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""", args.toArray());
            for (Map<String, Object> row : due) {
                long id = ((Number) row.get("id")).longValue();
                int attempts = ((Number) row.get("attempts")).intValue() + 1;
                switch (delivery.attempt("sla_breach_notification", id, attempts, "sla-breach-" + id,
                        body(id, row), now)) {
                    case SENT -> sent++;
                    case RETRYING -> failed++;
                    case GIVEN_UP -> {
                        failed++;
                        givenUp++;
                    }
                }
            }
            return new Delivery(sent, failed, givenUp);
        });
    }

    private static Map<String, Object> body(long id, Map<String, Object> row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "sla-breached");
        body.put("notificationId", id);
        body.put("rule", row.get("rule_name"));
        body.put("documentId", row.get("document_id"));
        body.put("clockKey", row.get("clock_key"));
        body.put("severity", row.get("severity"));
        body.put("legalEntity", row.get("legal_entity"));
        body.put("system", row.get("system_id"));
        body.put("region", row.get("region"));
        body.put("startedAt", instant(row.get("started_at")));
        body.put("dueAt", instant(row.get("due_at")));
        body.put("breachedAt", instant(row.get("breached_at")));
        return body;
    }

    private static String instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : null;
    }
}
