package org.integrationledger.app.purchaseorder;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.closure;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpRejection;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;
import static org.integrationledger.app.support.PurchaseOrderRequests.requisitionApproval;

/** A purchase order's whole life through the connector API, read back through the query API. */
class PurchaseOrderLifecycleIntegrationTest extends LedgerIntegrationTest {

    @Test
    void tracksAnOrderFromRequisitionToClosureInProcurementAndItsErp() {
        String po = newPurchaseOrderId();
        String base = "/api/v1/purchase-orders/" + po;

        assertThat(api.post(base + "/requisition-approval", PROCUREMENT_KEY, requisitionApproval("US01")).status())
                .isEqualTo(200);
        Response issued = api.post(base + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.body().path("recorded").get(0).asText()).isEqualTo("PurchaseOrderIssued");
        assertThat(issued.body().path("ledgerVersion").asLong()).isEqualTo(1);

        JsonNode afterIssue = awaitView(po, view -> view.path("procurementStatus").asText().equals("ISSUED"));
        assertThat(afterIssue.path("routedTo").asText()).isEqualTo("ERP_NA");
        assertThat(afterIssue.path("erpStatus").asText()).isEqualTo("NOT_POSTED");
        assertThat(afterIssue.path("erpBehindProcurement").asBoolean()).isTrue();
        assertThat(afterIssue.path("total").path("amount").decimalValue()).isEqualByComparingTo("2050.00");

        assertThat(api.post(base + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000001")).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/amendments", PROCUREMENT_KEY, amendment(2, "2675.00", "150")).status())
                .isEqualTo(200);
        JsonNode behind = awaitView(po, view -> view.path("procurementVersion").asInt() == 2);
        assertThat(behind.path("erpVersion").asInt()).isEqualTo(1);
        assertThat(behind.path("erpBehindProcurement").asBoolean()).isTrue();

        assertThat(api.post(base + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 2, "4500000001")).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/goods-receipts", PROCUREMENT_KEY, receipt("50", null)).status()).isEqualTo(200);
        awaitView(po, view -> view.path("procurementStatus").asText().equals("PARTIALLY_RECEIVED"));
        assertThat(api.post(base + "/goods-receipts", PROCUREMENT_KEY, receipt("100", "10")).status())
                .isEqualTo(200);
        JsonNode received = awaitView(po, view -> view.path("procurementStatus").asText().equals("RECEIVED"));
        assertThat(received.path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(received.path("erpVersion").asInt()).isEqualTo(2);
        assertThat(received.path("erpDocumentNumber").asText()).isEqualTo("4500000001");
        assertThat(received.path("erpBehindProcurement").asBoolean()).isFalse();
        assertThat(received.path("total").path("amount").decimalValue()).isEqualByComparingTo("2675.00");

        assertThat(api.post(base + "/closure", PROCUREMENT_KEY, closure()).status()).isEqualTo(200);
        JsonNode closed = awaitView(po, view -> view.path("procurementStatus").asText().equals("CLOSED"));
        assertThat(closed.path("eventCount").asLong()).isEqualTo(8);
        assertThat(events.eventTypes(po)).containsExactly("RequisitionApproved", "PurchaseOrderIssued",
                "PurchaseOrderPostedInErp", "PurchaseOrderAmended", "PurchaseOrderPostedInErp", "GoodsReceived",
                "GoodsReceived", "PurchaseOrderClosed");
    }

    @Test
    void recordsAnErpAcknowledgmentThatArrivesBeforeProcurementReportsTheOrder() {
        String po = newPurchaseOrderId();
        String base = "/api/v1/purchase-orders/" + po;

        Response early = api.post(base + "/erp-postings", ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "EM-778"));
        assertThat(early.status()).as(early.toString()).isEqualTo(200);
        JsonNode knownDownstreamOnly = awaitView(po, view -> view.path("erpStatus").asText().equals("POSTED"));
        assertThat(knownDownstreamOnly.path("procurementStatus").asText()).isEqualTo("NOT_REPORTED");
        assertThat(knownDownstreamOnly.path("supplier").isNull()).isTrue();

        assertThat(api.post(base + "/issue", PROCUREMENT_KEY, issue("DE01", "EUR")).status()).isEqualTo(200);
        JsonNode complete = awaitView(po, view -> view.path("procurementStatus").asText().equals("ISSUED"));
        assertThat(complete.path("routedTo").asText()).isEqualTo("ERP_EMEA");
        assertThat(complete.path("erpVersion").asInt()).isEqualTo(1);
        assertThat(complete.path("erpBehindProcurement").asBoolean()).isFalse();
    }

    @Test
    void recordsALateAcknowledgmentOfAnOlderVersionAsStaleWithoutMovingTheErpBack() {
        String po = newPurchaseOrderId();
        String base = "/api/v1/purchase-orders/" + po;
        api.post(base + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        api.post(base + "/amendments", PROCUREMENT_KEY, amendment(2, "2675.00", "150"));
        api.post(base + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 2, "4500000002"));

        Response late = api.post(base + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000002"));

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body().path("recorded").get(0).asText()).isEqualTo("StalePostingAcknowledgmentRecorded");
        JsonNode view = awaitView(po, v -> v.path("eventCount").asLong() == 4);
        assertThat(view.path("erpVersion").asInt()).isEqualTo(2);
        assertThat(view.path("staleAcknowledgments").asInt()).isEqualTo(1);
    }

    @Test
    void labelsALateAcknowledgmentOfAnOlderVersionStaleBeforeTheErpAcknowledgedTheNewerOne() {
        // given an order amended to version 2 that its ERP has not acknowledged yet
        String po = newPurchaseOrderId();
        String base = "/api/v1/purchase-orders/" + po;
        api.post(base + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        api.post(base + "/amendments", PROCUREMENT_KEY, amendment(2, "2675.00", "150"));

        // when the ERP's acknowledgment of version 1 arrives, late
        Response late = api.post(base + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000001"));

        // then it is recorded as stale; the views show the ERP holding version 1, behind, labelled stale
        assertThat(late.body().path("recorded").get(0).asText()).isEqualTo("StalePostingAcknowledgmentRecorded");
        JsonNode view = awaitView(po, v -> v.path("eventCount").asLong() == 3);
        assertThat(view.path("erpStatus").asText()).isEqualTo("POSTED");
        assertThat(view.path("erpVersion").asInt()).isEqualTo(1);
        assertThat(view.path("erpBehindProcurement").asBoolean()).isTrue();
        assertThat(view.path("staleAcknowledgments").asInt()).isEqualTo(1);
        JsonNode reconciliation = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + po, REPORTING_KEY).body(),
                        entry -> entry.path("systems").findValuesAsText("state").contains("STALE"));
        assertThat(reconciliation.path("divergences").get(0).path("flag").asText()).isEqualTo("VERSION_BEHIND");
        assertThat(reconciliation.path("divergences").get(0).path("system").asText()).isEqualTo("ERP_NA");
        assertThat(reconciliation.path("divergences").get(0).path("detail").asText())
                .contains("holds version 1").contains("acknowledged late");
    }

    @Test
    void showsAPostingRejectionWithItsReason() {
        String po = newPurchaseOrderId();
        String base = "/api/v1/purchase-orders/" + po;
        api.post(base + "/issue", PROCUREMENT_KEY, issue("DE01", "EUR"));

        assertThat(api.post(base + "/erp-rejections", ERP_EMEA_KEY, erpRejection("ERP_EMEA", 1)).status())
                .isEqualTo(200);

        JsonNode view = awaitView(po, v -> v.path("erpStatus").asText().equals("REJECTED"));
        assertThat(view.path("erpRejectionReason").asText()).startsWith("VENDOR_BLOCKED");
    }

    @Test
    void listsOrdersFilteredByStatusErpAndLegalEntity() {
        String na = newPurchaseOrderId();
        String emea = newPurchaseOrderId();
        api.post("/api/v1/purchase-orders/" + na + "/issue", PROCUREMENT_KEY, issue("CA01", "CAD"));
        api.post("/api/v1/purchase-orders/" + emea + "/issue", PROCUREMENT_KEY, issue("FR01", "EUR"));
        awaitView(emea, v -> v.path("procurementStatus").asText().equals("ISSUED"));
        awaitView(na, v -> v.path("procurementStatus").asText().equals("ISSUED"));

        Response canada = api.get("/api/v1/purchase-orders?legalEntity=CA01&erp=ERP_NA&procurementStatus=ISSUED"
                + "&size=500", REPORTING_KEY);
        assertThat(canada.status()).isEqualTo(200);
        assertThat(canada.body().path("items").findValuesAsText("purchaseOrderId")).contains(na).doesNotContain(emea);
        assertThat(canada.body().path("items").findValuesAsText("legalEntity")).containsOnly("CA01");

        Response emeaOrders = api.get("/api/v1/purchase-orders?erp=ERP_EMEA&size=1", REPORTING_KEY);
        assertThat(emeaOrders.body().path("items")).hasSize(1);
        assertThat(emeaOrders.body().path("totalItems").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void putsConnectorMessageAndCorrelationIntoEveryEventsMetadata() {
        String po = newPurchaseOrderId();
        Map<String, Object> request = issue("US01", "USD");
        api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, request,
                Map.of("X-Correlation-Id", "corr-" + po));

        String metaData = events.metaData(po, 0);
        assertThat(metaData).contains("\"connectorId\":\"procurement-connector\"")
                .contains("\"messageId\":\"" + request.get("messageId") + "\"")
                .contains("\"correlationId\":\"corr-" + po + "\"")
                .contains("\"reportingSystem\":\"PROCUREMENT\"")
                .contains("\"causationId\":");
    }

    private JsonNode awaitView(String po, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response response = api.get("/api/v1/purchase-orders/" + po, REPORTING_KEY);
            seen[0] = response.body();
            return response.status() == 200 && condition.test(response.body());
        });
        return seen[0];
    }
}
