package org.integrationledger.app.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/** {@code POST /api/v1/messages}: mixed commands, one outcome per message in order, by the single endpoints' rules. */
class MessageBatchIntegrationTest extends LedgerIntegrationTest {

    @Test
    void answersEveryMessageInOrderAsItsSingleEndpointWould() {
        String po = newPurchaseOrderId();
        String other = newPurchaseOrderId();
        Map<String, Object> issued = issue("US01", "USD");
        Map<String, Object> withUnknownField = new HashMap<>(issue("US01", "USD"));
        withUnknownField.put("discount", "10");

        Response answer = api.post("/api/v1/messages", PROCUREMENT_KEY, batch(
                message("purchase-orders/issue", po, issued),
                message("purchase-orders/goods-receipts", po, receipt("10", null)),
                message("purchase-orders/issue", po, issued),
                message("purchase-orders/issue", po, issue("US01", "USD")),
                message("purchase-orders/erp-postings", po, erpPosting("ERP_NA", 1, "4500000001")),
                message("purchase-orders/issue", other, withUnknownField),
                message("purchase-orders/teleport", other, issued)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode outcomes = answer.body().path("outcomes");
        assertThat(outcomes).hasSize(7);
        assertThat(status(outcomes.get(0))).isEqualTo("RECORDED");
        assertThat(outcomes.get(0).path("recorded").get(0).asText()).isEqualTo("PurchaseOrderIssued");
        assertThat(status(outcomes.get(1))).isEqualTo("RECORDED");
        assertThat(outcomes.get(1).path("ledgerVersion").asLong()).isEqualTo(1);
        assertThat(status(outcomes.get(2))).isEqualTo("REPLAYED");
        assertThat(outcomes.get(2).path("ledgerVersion").asLong()).isZero();
        assertThat(rejection(outcomes.get(3))).isEqualTo("purchase-order-already-issued");
        assertThat(rejection(outcomes.get(4))).isEqualTo("system-not-permitted");
        assertThat(rejection(outcomes.get(5))).isEqualTo("unknown-field");
        assertThat(outcomes.get(5).path("pointer").asText()).isEqualTo("/discount");
        assertThat(rejection(outcomes.get(6))).isEqualTo("request-not-supported");
        assertThat(outcomes.get(3).path("messageId").asText()).isNotEqualTo(outcomes.get(0).path("messageId").asText());
        assertThat(events.eventCount(po)).isEqualTo(2);
        assertThat(events.eventCount(other)).isZero();
    }

    @Test
    void aMessageFromABatchIsReplayedOverItsSingleEndpoint() {
        String po = newPurchaseOrderId();
        Map<String, Object> issued = issue("US01", "USD");
        api.post("/api/v1/messages", PROCUREMENT_KEY, batch(message("purchase-orders/issue", po, issued)));

        Response single = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issued);

        assertThat(single.status()).isEqualTo(200);
        assertThat(single.replayed()).isEqualTo("true");
        assertThat(events.eventCount(po)).isEqualTo(1);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWholeAndRecordsNothing() {
        List<Map<String, Object>> messages = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i <= MessageBatch.MAX_MESSAGES; i++) {
            String po = newPurchaseOrderId();
            orders.add(po);
            messages.add(message("purchase-orders/issue", po, issue("US01", "USD")));
        }

        Response refused = api.post("/api/v1/messages", PROCUREMENT_KEY, Map.of("messages", messages));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("limit-exceeded");
        assertThat(orders).allMatch(po -> events.eventCount(po) == 0);
    }

    @Test
    void aBatchWithAFieldOutsideItsShapeIsRefusedWhole() {
        String po = newPurchaseOrderId();
        Map<String, Object> message = new HashMap<>(message("purchase-orders/issue", po, issue("US01", "USD")));
        message.put("priority", "high");

        Response refused = api.post("/api/v1/messages", PROCUREMENT_KEY, batch(message));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("unknown-field");
        assertThat(refused.body().path("pointer").asText()).isEqualTo("/messages/0/priority");
        assertThat(events.eventCount(po)).isZero();
    }

    @SafeVarargs
    private static Map<String, Object> batch(Map<String, Object>... messages) {
        return Map.of("messages", List.of(messages));
    }

    private static Map<String, Object> message(String command, String documentId, Map<String, Object> body) {
        return Map.of("command", command, "documentId", documentId, "body", body);
    }

    private static String status(JsonNode outcome) {
        return outcome.path("status").asText();
    }

    private static String rejection(JsonNode outcome) {
        assertThat(status(outcome)).as(outcome.toString()).isEqualTo("REJECTED");
        return outcome.path("code").asText();
    }
}
