package org.integrationledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerApi.TextResponse;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/** An auditor reads the full history of a document that several connectors touched, and exports it. */
class DocumentHistoryIntegrationTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String order;
    private final List<Map<String, Object>> sent = new ArrayList<>();

    @BeforeEach
    void anOrderTouchedByProcurementAndTheNorthAmericanErp() {
        order = newPurchaseOrderId();
        send("issue", PROCUREMENT_KEY, issue("US01", "USD"), Map.of("X-Correlation-Id", "corr-" + order));
        send("erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000777"), Map.of());
        send("goods-receipts", PROCUREMENT_KEY, receipt("40", null), Map.of());
    }

    @Test
    void showsEveryEventInOrderWithWhoReportedItAndBothTimeAxes() {
        Response history = api.get(historyOf(order), AUDITOR_KEY);

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("totalEvents").asLong()).isEqualTo(3);
        JsonNode events = history.body().path("events");
        assertThat(texts(events, "eventType"))
                .containsExactly("PurchaseOrderIssued", "PurchaseOrderPostedInErp", "GoodsReceived");
        assertThat(texts(events, "connectorId"))
                .containsExactly("procurement-connector", "erp-na-connector", "procurement-connector");
        assertThat(texts(events, "reportingSystem")).containsExactly("PROCUREMENT", "ERP_NA", "PROCUREMENT");
        assertThat(texts(events, "messageId")).containsExactly(
                (String) sent.get(0).get("messageId"), (String) sent.get(1).get("messageId"),
                (String) sent.get(2).get("messageId"));
        assertThat(texts(events, "businessTime")).containsExactly(
                (String) sent.get(0).get("occurredAt"), (String) sent.get(1).get("occurredAt"),
                (String) sent.get(2).get("occurredAt"));
        assertThat(texts(events, "revision")).containsExactly("1", "1", "2");
        assertThat(texts(events, "sequenceNumber")).containsExactly("0", "1", "2");
        JsonNode issued = events.get(0);
        assertThat(issued.path("correlationId").asText()).isEqualTo("corr-" + order);
        assertThat(issued.path("causationId").asText()).isNotBlank();
        assertThat(issued.path("payload").path("legalEntity").asText()).isEqualTo("US01");
        assertThat(issued.path("globalIndex").asLong()).isLessThan(events.get(1).path("globalIndex").asLong());
        assertThat(issued.path("recordedAt").asText()).isLessThanOrEqualTo(events.get(2).path("recordedAt").asText());
    }

    @Test
    void pagesTheHistory() {
        Response secondPage = api.get(historyOf(order) + "?page=1&size=2", AUDITOR_KEY);

        assertThat(secondPage.body().path("totalEvents").asLong()).isEqualTo(3);
        assertThat(texts(secondPage.body().path("events"), "eventType")).containsExactly("GoodsReceived");
    }

    @Test
    void exportsTheWholeHistoryAsJsonLines() throws Exception {
        TextResponse byParameter = api.getText(historyOf(order) + "?format=jsonl&size=1", AUDITOR_KEY, null);
        TextResponse byAccept = api.getText(historyOf(order), AUDITOR_KEY, "application/x-ndjson");

        assertThat(byParameter.status()).isEqualTo(200);
        assertThat(byParameter.contentType()).startsWith("application/x-ndjson");
        List<String> lines = byParameter.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(1)).path("connectorId").asText()).isEqualTo("erp-na-connector");
        assertThat(JSON.readTree(lines.get(0)).path("payload").path("legalEntity").asText()).isEqualTo("US01");
        assertThat(byAccept.body()).isEqualTo(byParameter.body());
    }

    @Test
    void exportsTheWholeHistoryAsCsvForWorkingPapers() {
        TextResponse csv = api.getText(historyOf(order) + "?format=csv", AUDITOR_KEY, null);
        TextResponse byAccept = api.getText(historyOf(order), AUDITOR_KEY, "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("global_index,aggregate_id,sequence_number,event_type,revision,"
                + "recorded_at,business_time,reporting_system,connector_id,message_id,correlation_id,causation_id");
        assertThat(rows.get(2)).contains(",PurchaseOrderPostedInErp,1,", ",ERP_NA,erp-na-connector,"
                + sent.get(1).get("messageId") + ",");
        // The payload is one quoted cell: its commas and quotes do not break the columns.
        assertThat(rows.get(1)).contains("\"{\"\"purchaseOrderId\"\":\"\"" + order + "\"\"");
        assertThat(byAccept.body()).isEqualTo(csv.body());
    }

    @Test
    void answersNotFoundForADocumentWithoutEventsAndNeedsAnApiKey() {
        Response unknown = api.get(historyOf(newPurchaseOrderId()), AUDITOR_KEY);
        Response anonymous = api.get(historyOf(order), null);
        Response badFormat = api.get(historyOf(order) + "?format=xml", AUDITOR_KEY);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("document-not-found");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.code()).isEqualTo("validation-failed");
    }

    private void send(String action, String key, Map<String, Object> body, Map<String, String> headers) {
        Response response = api.post("/api/v1/purchase-orders/" + order + "/" + action, key, body, headers);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        sent.add(body);
    }

    static String historyOf(String aggregateId) {
        return "/api/v1/audit/documents/" + aggregateId + "/history";
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }
}
