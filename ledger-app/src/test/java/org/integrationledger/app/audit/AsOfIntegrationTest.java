package org.integrationledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.audit.DocumentHistoryIntegrationTest.historyOf;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** The state of a purchase order, and the list, as the ledger knew them at a past recorded instant. */
class AsOfIntegrationTest extends LedgerIntegrationTest {

    @Test
    void answersTheStateBeforeAndAfterAChange() {
        String order = newPurchaseOrderId();
        post(order, "issue", PROCUREMENT_KEY, issue("DE01", "EUR"));
        Instant issuedAt = recordedAt(order, 0);
        post(order, "erp-postings", ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-100"));
        Map<String, Object> amendment = amendment(2, "2675.00", "150");
        amendment.put("currency", "EUR");
        post(order, "amendments", PROCUREMENT_KEY, amendment);
        assertThat(recordedAt(order, 1)).isAfter(issuedAt);

        Response before = api.get(asOf(order, issuedAt.minusMillis(1)), AUDITOR_KEY);
        Response atIssue = api.get(asOf(order, issuedAt), AUDITOR_KEY);
        Response now = api.get(asOf(order, Instant.now().plusSeconds(1)), AUDITOR_KEY);

        assertThat(before.status()).isEqualTo(404);
        assertThat(before.code()).isEqualTo("purchase-order-not-found");
        assertThat(atIssue.body().path("procurementStatus").asText()).isEqualTo("ISSUED");
        assertThat(atIssue.body().path("procurementVersion").asInt()).isEqualTo(1);
        assertThat(atIssue.body().path("erpStatus").asText()).isEqualTo("NOT_POSTED");
        assertThat(atIssue.body().path("eventCount").asInt()).isEqualTo(1);
        assertThat(now.body().path("procurementVersion").asInt()).isEqualTo(2);
        assertThat(now.body().path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(now.body().path("erpBehindProcurement").asBoolean()).isTrue();
    }

    @Test
    void theStateRebuiltForNowIsTheLiveView() {
        String order = newPurchaseOrderId();
        post(order, "issue", PROCUREMENT_KEY, issue("FR01", "EUR"));
        post(order, "erp-postings", ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-200"));

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/purchase-orders/" + order,
                REPORTING_KEY).body().path("eventCount").asInt() == 2);

        assertThat(api.get(asOf(order, Instant.now().plusSeconds(1)), AUDITOR_KEY).body())
                .isEqualTo(api.get("/api/v1/purchase-orders/" + order, REPORTING_KEY).body());
    }

    @Test
    void reportsWhatWasKnownAboutTheListAtAPastInstant() {
        String known = newPurchaseOrderId();
        post(known, "issue", PROCUREMENT_KEY, issue("GB01", "GBP"));
        Instant close = recordedAt(known, 0);
        String later = newPurchaseOrderId();
        post(later, "issue", PROCUREMENT_KEY, issue("GB01", "GBP"));
        post(known, "erp-postings", ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-300"));

        JsonNode atClose = api.get("/api/v1/audit/purchase-orders/as-of?recordedAt=" + close
                + "&legalEntity=GB01&erp=ERP_EMEA&size=500", AUDITOR_KEY).body();
        JsonNode today = api.get("/api/v1/audit/purchase-orders/as-of?recordedAt=" + Instant.now().plusSeconds(1)
                + "&legalEntity=GB01&size=500", AUDITOR_KEY).body();

        assertThat(atClose.path("recordedAt").asText()).isEqualTo(close.toString());
        assertThat(find(atClose, known).path("erpStatus").asText()).isEqualTo("NOT_POSTED");
        assertThat(find(atClose, later).isMissingNode()).isTrue();
        assertThat(find(today, known).path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(find(today, later).path("procurementStatus").asText()).isEqualTo("ISSUED");
        assertThat(atClose.path("items")).allSatisfy(item ->
                assertThat(item.path("legalEntity").asText()).isEqualTo("GB01"));
    }

    private void post(String order, String action, String key, Map<String, Object> body) {
        Response response = api.post("/api/v1/purchase-orders/" + order + "/" + action, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private Instant recordedAt(String order, int sequence) {
        JsonNode events = api.get(historyOf(order), AUDITOR_KEY).body().path("events");
        return Instant.parse(events.get(sequence).path("recordedAt").asText());
    }

    private static String asOf(String order, Instant recordedAt) {
        return "/api/v1/audit/purchase-orders/" + order + "/as-of?recordedAt=" + recordedAt;
    }

    private static JsonNode find(JsonNode page, String order) {
        for (JsonNode item : page.path("items")) {
            if (item.path("purchaseOrderId").asText().equals(order)) {
                return item;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
