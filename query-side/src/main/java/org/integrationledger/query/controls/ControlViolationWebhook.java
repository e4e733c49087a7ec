package org.integrationledger.query.controls;

import org.integrationledger.query.sla.SlaSettings;
import org.integrationledger.query.sla.WebhookDelivery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the "control violated" announcements of {@code control_violation_notification} to the SLA breach
 * webhook's URL ({@code ledger.sla.webhook}, same retry settings), as {@code "type": "control-violated"} beside
 * {@code "sla-breached"} and {@code "document-parked"}. Claimed with {@code FOR UPDATE SKIP LOCKED}; at-least-once,
 * deduplicated by the receiver on {@code Idempotency-Key: control-violated-<id>}; FAILED after {@code max-attempts}.
 * Off while no URL is set (the rows wait, PENDING).
 */
@Component
public class ControlViolationWebhook {

    private static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final WebhookDelivery delivery;

    @Autowired
    ControlViolationWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                            SlaSettings settings) {
        this(jdbc, transactions, clock, settings.webhook());
    }

    public ControlViolationWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                                   SlaSettings.Webhook settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.delivery = new WebhookDelivery(jdbc, clock, settings);
    }

    @Scheduled(initialDelayString = "${ledger.sla.webhook.poll-interval:PT2S}",
            fixedDelayString = "${ledger.sla.webhook.poll-interval:PT2S}")
    void sendOnSchedule() {
        if (delivery.enabled()) {
            sendDue();
        }
    }

    /** Sends what is due; answers how many were delivered. */
    public int sendDue() {
        Instant now = clock.instant();
        Integer sent = transaction.execute(status -> {
            int delivered = 0;
            List<Map<String, Object>> due = jdbc.queryForList("""
                    SELECT id, violation_id, kind, invoice_id, payment_reference, legal_entity, region, business_time,
                        attempts
                    FROM control_violation_notification WHERE status = 'PENDING' AND next_attempt_at <= ?
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""", Timestamp.from(now), BATCH);
            for (Map<String, Object> row : due) {
                long id = ((Number) row.get("id")).longValue();
                int attempts = ((Number) row.get("attempts")).intValue() + 1;
                if (delivery.attempt("control_violation_notification", id, attempts, "control-violated-" + id,
                        body(id, row), now) == WebhookDelivery.Outcome.SENT) {
                    delivered++;
                }
            }
            return delivered;
        });
        return sent == null ? 0 : sent;
    }

    private static Map<String, Object> body(long id, Map<String, Object> row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "control-violated");
        body.put("notificationId", id);
        body.put("violationId", row.get("violation_id"));
        body.put("kind", row.get("kind"));
        body.put("invoiceId", row.get("invoice_id"));
        body.put("paymentReference", row.get("payment_reference"));
        body.put("legalEntity", row.get("legal_entity"));
        body.put("region", row.get("region"));
        body.put("businessTime", row.get("business_time") instanceof Timestamp t ? t.toInstant().toString() : null);
        return body;
    }
}
