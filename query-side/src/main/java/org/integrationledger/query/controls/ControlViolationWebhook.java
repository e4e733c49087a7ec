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
import java.util.LinkedHashMap;
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

    private final TransactionTemplate transaction;
    private final WebhookDelivery delivery;

    @Autowired
    ControlViolationWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                            SlaSettings settings) {
        this(jdbc, transactions, clock, settings.webhook());
    }

    public ControlViolationWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                                   SlaSettings.Webhook settings) {
        this.transaction = new TransactionTemplate(transactions);
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
        return delivery.sendDue(transaction, "control_violation_notification", "violation_id, kind, invoice_id, payment_reference, legal_entity, region, "
                + "business_time", "control-violated-", BATCH, ControlViolationWebhook::body);
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
