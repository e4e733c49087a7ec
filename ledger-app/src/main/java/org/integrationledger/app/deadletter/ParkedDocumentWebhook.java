package org.integrationledger.app.deadletter;

import org.integrationledger.query.sla.SlaSettings;
import org.integrationledger.query.sla.WebhookDelivery;
import org.springframework.beans.factory.ObjectProvider;
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
 * Sends the "document parked" announcements of {@code dead_letter_notification} to the SLA breach webhook's URL
 * ({@code ledger.sla.webhook}, same retry settings), as {@code "type": "document-parked"} beside the breaches'
 * {@code "sla-breached"}. Claimed with {@code FOR UPDATE SKIP LOCKED}; at-least-once, deduplicated by the receiver
 * on {@code Idempotency-Key: document-parked-<id>}; FAILED after {@code max-attempts}. Off while no URL is set (the
 * rows wait, PENDING), and in a process without the query side.
 */
@Component
public class ParkedDocumentWebhook {

    private static final int BATCH = 20;

    private final TransactionTemplate transaction;
    private final WebhookDelivery delivery;

    @Autowired
    ParkedDocumentWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                          ObjectProvider<SlaSettings> settings) {
        this(jdbc, transactions, clock, settings.getIfAvailable() == null ? null : settings.getObject().webhook());
    }

    public ParkedDocumentWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                                 SlaSettings.Webhook settings) {
        this.transaction = new TransactionTemplate(transactions);
        this.delivery = settings == null ? null : new WebhookDelivery(jdbc, clock, settings);
    }

    @Scheduled(initialDelayString = "${ledger.sla.webhook.poll-interval:PT2S}",
            fixedDelayString = "${ledger.sla.webhook.poll-interval:PT2S}")
    void sendOnSchedule() {
        if (delivery != null && delivery.enabled()) {
            sendDue();
        }
    }

    /** Sends what is due; answers how many were delivered. */
    public int sendDue() {
        if (delivery == null) {
            return 0;
        }
        return delivery.sendDue(transaction, "dead_letter_notification", "processor, document_id, document_type, event_type, event_id, global_position, "
                + "cause, parked_at", "document-parked-", BATCH, ParkedDocumentWebhook::body);
    }

    private static Map<String, Object> body(long id, Map<String, Object> row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "document-parked");
        body.put("notificationId", id);
        body.put("processor", row.get("processor"));
        body.put("documentId", row.get("document_id"));
        body.put("documentType", row.get("document_type"));
        body.put("eventType", row.get("event_type"));
        body.put("eventId", row.get("event_id"));
        body.put("globalPosition", row.get("global_position"));
        body.put("cause", row.get("cause"));
        body.put("parkedAt", row.get("parked_at") instanceof Timestamp t ? t.toInstant().toString() : null);
        return body;
    }
}
