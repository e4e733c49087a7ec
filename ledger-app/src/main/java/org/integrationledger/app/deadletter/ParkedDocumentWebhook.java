package org.integrationledger.app.deadletter;

import org.integrationledger.query.sla.SlaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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

    private static final Logger log = LoggerFactory.getLogger(ParkedDocumentWebhook.class);
    private static final int BATCH = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SlaSettings.Webhook settings;
    private final HttpClient http;

    @Autowired
    ParkedDocumentWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                          ObjectProvider<SlaSettings> settings) {
        this(jdbc, transactions, clock, settings.getIfAvailable() == null ? null : settings.getObject().webhook());
    }

    public ParkedDocumentWebhook(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                                 SlaSettings.Webhook settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings == null ? Duration.ofSeconds(5) : settings.timeout()).build();
    }

    @Scheduled(initialDelayString = "${ledger.sla.webhook.poll-interval:PT2S}",
            fixedDelayString = "${ledger.sla.webhook.poll-interval:PT2S}")
    void sendOnSchedule() {
        if (settings != null && settings.url() != null && !settings.url().toString().isBlank()) {
            sendDue();
        }
    }

    /** Sends what is due; answers how many were delivered. */
    public int sendDue() {
        Instant now = clock.instant();
        Integer sent = transaction.execute(status -> {
            int delivered = 0;
            List<Map<String, Object>> due = jdbc.queryForList("""
                    SELECT id, processor, document_id, document_type, event_type, event_id, global_position, cause,
                        parked_at, attempts
                    FROM dead_letter_notification WHERE status = 'PENDING' AND next_attempt_at <= ?
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""", Timestamp.from(now), BATCH);
            for (Map<String, Object> row : due) {
                long id = ((Number) row.get("id")).longValue();
                int attempts = ((Number) row.get("attempts")).intValue() + 1;
                String error = deliver(id, row);
                if (error == null) {
                    jdbc.update("UPDATE dead_letter_notification SET status = 'SENT', attempts = ?, sent_at = ?, "
                            + "last_error = NULL WHERE id = ?", attempts, Timestamp.from(clock.instant()), id);
                    delivered++;
                    continue;
                }
                boolean giveUp = attempts >= settings.maxAttempts();
                jdbc.update("UPDATE dead_letter_notification SET status = ?, attempts = ?, last_error = ?, "
                                + "next_attempt_at = ? WHERE id = ?", giveUp ? "FAILED" : "PENDING", attempts,
                        error.length() > 500 ? error.substring(0, 500) : error,
                        Timestamp.from(now.plus(backoffAfter(attempts))), id);
                log.warn("Document-parked notification {} attempt {} failed{}: {}", id, attempts,
                        giveUp ? " (giving up)" : "", error);
            }
            return delivered;
        });
        return sent == null ? 0 : sent;
    }

    private Duration backoffAfter(int attempts) {
        Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
    }

    /** Null when the receiver accepted the notification, else why not. */
    private String deliver(long id, Map<String, Object> row) {
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
        try {
            HttpRequest request = HttpRequest.newBuilder(settings.url())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "document-parked-" + id)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
