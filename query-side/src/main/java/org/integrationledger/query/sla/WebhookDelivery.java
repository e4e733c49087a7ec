package org.integrationledger.query.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One attempt to deliver a row of a webhook outbox ({@code sla_breach_notification}, {@code
 * dead_letter_notification}): posts its JSON with an {@code Idempotency-Key} (delivery is at-least-once), then
 * records the attempt on the row: SENT, or PENDING with exponential backoff, or FAILED after {@code max-attempts}.
 */
public final class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SlaSettings.Webhook settings;
    private final HttpClient http;

    public WebhookDelivery(JdbcTemplate jdbc, Clock clock, SlaSettings.Webhook settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The outcome of one attempt. */
    public enum Outcome { SENT, RETRYING, GIVEN_UP }

    /**
     * One round over an outbox (a table name of the ledger's, never input): locks up to {@code batch} due PENDING rows
     * with their {@code columns} (beside {@code id} and {@code attempts}) so no other node sends them too, attempts
     * each with the JSON {@code body} makes of it and the idempotency key {@code keyPrefix + id}, and answers how
     * many were delivered.
     */
    public int sendDue(TransactionTemplate transaction, String outbox, String columns, String keyPrefix, int batch,
                       BiFunction<Long, Map<String, Object>, Map<String, Object>> body) {
        Instant now = clock.instant();
        Integer sent = transaction.execute(status -> {
            int delivered = 0;
            List<Map<String, Object>> due = jdbc.queryForList("SELECT id, attempts, " + columns + " FROM " + outbox
                    + " WHERE status = '" + NotificationStatus.PENDING.name() + "' AND next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                    Timestamp.from(now), batch);
            for (Map<String, Object> row : due) {
                long id = ((Number) row.get("id")).longValue();
                int attempts = ((Number) row.get("attempts")).intValue() + 1;
                if (attempt(outbox, id, attempts, keyPrefix + id, body.apply(id, row), now) == Outcome.SENT) {
                    delivered++;
                }
            }
            return delivered;
        });
        return sent == null ? 0 : sent;
    }

    /**
     * Posts the body for the outbox row {@code id} of {@code outbox} (a table name of the ledger's, never input) and
     * records the attempt, the row's {@code attempts}-th.
     */
    public Outcome attempt(String outbox, long id, int attempts, String idempotencyKey, Map<String, Object> body,
                           Instant now) {
        String error = post(idempotencyKey, body);
        if (error == null) {
            jdbc.update("UPDATE " + outbox + " SET status = ?, attempts = ?, sent_at = ?, last_error = NULL "
                    + "WHERE id = ?", NotificationStatus.SENT.name(), attempts, Timestamp.from(clock.instant()), id);
            return Outcome.SENT;
        }
        boolean giveUp = attempts >= settings.maxAttempts();
        jdbc.update("UPDATE " + outbox + " SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? "
                        + "WHERE id = ?", (giveUp ? NotificationStatus.FAILED : NotificationStatus.PENDING).name(),
                attempts, error.length() > 500 ? error.substring(0, 500) : error,
                Timestamp.from(now.plus(settings.backoffAfter(attempts))), id);
        log.warn("Webhook notification {} of {} attempt {} failed{}: {}", id, outbox, attempts,
                giveUp ? " (giving up)" : "", error);
        return giveUp ? Outcome.GIVEN_UP : Outcome.RETRYING;
    }

    /** Null when the receiver accepted the notification, else why not. */
    private String post(String idempotencyKey, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(settings.url())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
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
