package org.integrationledger.app.purchaseorder;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.command.connector.MessageRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** Message ids are remembered for the retention period; older rows are purged in batches. */
class ConnectorMessageRetentionIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MessageRetention retention;

    @Test
    void purgesRowsOlderThanTheRetentionInBatchesAndKeepsNewerOnes() {
        String connector = "retention-" + UUID.randomUUID();
        Instant now = Instant.now();
        insert(connector, "old-", 25, now.minus(Duration.ofDays(120)));
        insert(connector, "recent-", 5, now.minus(Duration.ofDays(30)));

        MessageRetention.Purge purge = retention.purgeOlderThan(now.minus(Duration.ofDays(90)), 10);

        assertThat(purge.deleted()).isEqualTo(25);
        assertThat(purge.batches()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT message_id FROM connector_message WHERE connector_id = ?", String.class,
                connector)).hasSize(5).allMatch(id -> id.startsWith("recent-"));
        assertThat(retention.purgeOlderThan(now.minus(Duration.ofDays(90)), 10).deleted()).isZero();
    }

    @Test
    void aRetryAfterTheRetentionIsANewMessageAndIsAnsweredByTheBusinessRule() {
        String po = newPurchaseOrderId();
        Map<String, Object> request = issue("US01", "USD");
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request).status())
                .isEqualTo(200);
        jdbc.update("UPDATE connector_message SET received_at = now() - interval '100 days' WHERE message_id = ?",
                request.get("messageId"));
        retention.purgeOlderThan(Instant.now().minus(Duration.ofDays(90)), 100);

        Response late = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("purchase-order-already-issued");
        assertThat(events.eventCount(po)).isEqualTo(1);
    }

    private void insert(String connector, String prefix, int count, Instant receivedAt) {
        for (int i = 0; i < count; i++) {
            jdbc.update("INSERT INTO connector_message (connector_id, message_id, command_type, payload_sha256, "
                    + "received_at) VALUES (?, ?, 'IssuePurchaseOrder', ?, ?)", connector, prefix + i,
                    "0".repeat(64), Timestamp.from(receivedAt));
        }
    }
}
