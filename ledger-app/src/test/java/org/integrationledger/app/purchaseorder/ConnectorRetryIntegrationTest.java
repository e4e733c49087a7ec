package org.integrationledger.app.purchaseorder;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** Connectors retry: the same message id must never record anything twice, even when retries race. */
class ConnectorRetryIntegrationTest extends LedgerIntegrationTest {

    @Test
    void returnsTheOriginalOutcomeForARetriedMessageAndWritesNothing() {
        String po = newPurchaseOrderId();
        Map<String, Object> request = issue("US01", "USD");

        Response first = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request);
        long acceptedAfterFirst = events.acceptedMessages();
        Response retry = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.replayed()).isEqualTo("false");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(retry.body().path("documentId")).isEqualTo(first.body().path("documentId"));
        assertThat(retry.body().path("ledgerVersion")).isEqualTo(first.body().path("ledgerVersion"));
        assertThat(retry.body().path("recorded")).isEqualTo(first.body().path("recorded"));
        assertThat(events.eventCount(po)).isEqualTo(1);
        assertThat(events.acceptedMessages()).isEqualTo(acceptedAfterFirst);
    }

    @Test
    void treatsAnAmountWrittenWithOtherTrailingZerosAsTheSameMessage() {
        String po = newPurchaseOrderId();
        Map<String, Object> request = issue("US01", "USD");
        api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request);
        Map<String, Object> rewritten = new HashMap<>(request);
        rewritten.put("totalAmount", "2050");
        rewritten.put("lines", List.of(
                Map.of("lineNumber", 1, "description", "Ball bearing 6204", "quantity", "100.000",
                        "unitOfMeasure", "EA", "unitPrice", "12.5"),
                Map.of("lineNumber", 2, "description", "Bearing housing", "quantity", "10",
                        "unitOfMeasure", "EA", "unitPrice", "80")));

        Response retry = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, rewritten);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(events.eventCount(po)).isEqualTo(1);
    }

    @Test
    void rejectsAReusedMessageIdWithADifferentPayload() {
        String po = newPurchaseOrderId();
        Map<String, Object> request = issue("US01", "USD");
        api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request);
        Map<String, Object> changed = new HashMap<>(request);
        changed.put("supplierId", "SUP-OTHER");

        Response conflict = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, changed);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("message-id-conflict");
        assertThat(events.eventCount(po)).isEqualTo(1);
    }

    @Test
    void acceptsTheSameMessageIdFromTwoDifferentConnectors() {
        String po = newPurchaseOrderId();
        Map<String, Object> issueRequest = issue("US01", "USD");
        Map<String, Object> posting = erpPosting("ERP_NA", 1, "4500000099");
        posting.put("messageId", issueRequest.get("messageId"));

        assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issueRequest).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/erp-postings", ERP_NA_KEY, posting).status())
                .isEqualTo(200);
        assertThat(events.eventCount(po)).isEqualTo(2);
    }

    @Test
    void acceptsACorrectedRetryAfterARejectedMessage() {
        String po = newPurchaseOrderId();
        Map<String, Object> wrongTotal = issue("US01", "USD");
        wrongTotal.put("totalAmount", "9999.00");

        Response rejected = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, wrongTotal);
        Map<String, Object> corrected = new HashMap<>(wrongTotal);
        corrected.put("totalAmount", "2050.00");
        Response accepted = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, corrected);

        assertThat(rejected.code()).isEqualTo("total-mismatch");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.replayed()).isEqualTo("false");
        assertThat(events.eventCount(po)).isEqualTo(1);
    }

    @RepeatedTest(5)
    void recordsOnceWhenTheSameMessageArrivesConcurrently() throws Exception {
        String po = newPurchaseOrderId();
        Map<String, Object> request = issue("DE01", "EUR");
        int senders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Callable<Response>> sends = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                sends.add(() -> api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(sends)) {
                responses.add(future.get());
            }

            assertThat(responses).extracting(Response::status).containsOnly(200);
            assertThat(responses).extracting(Response::replayed).containsOnlyOnce("false");
            assertThat(events.eventCount(po)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
