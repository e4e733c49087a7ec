package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.requisitionApproval;

/** Purchase-order steps at chosen business times and reads of the SLA clocks, for the SLA tests. */
final class SlaFixture {

    static final String PO_RULE = "po-approved-to-posted";
    static final String SUPPLIER_RULE = "supplier-version-acknowledged";

    private final LedgerApi api;

    SlaFixture(LedgerApi api) {
        this.api = api;
    }

    void approve(String po, String legalEntity, Instant at) {
        Map<String, Object> body = requisitionApproval(legalEntity);
        body.put("occurredAt", at.toString());
        ok(api.post("/api/v1/purchase-orders/" + po + "/requisition-approval", PROCUREMENT_KEY, body));
    }

    void issued(String po, String legalEntity, String currency, Instant at) {
        Map<String, Object> body = issue(legalEntity, currency);
        body.put("occurredAt", at.toString());
        ok(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, body));
    }

    void posted(String po, String erp, Instant at) {
        Map<String, Object> body = erpPosting(erp, 1, "DOC-" + po);
        body.put("occurredAt", at.toString());
        ok(api.post("/api/v1/purchase-orders/" + po + "/erp-postings", erp.equals("ERP_NA") ? ERP_NA_KEY : ERP_EMEA_KEY,
                body));
    }

    /** The document's clock of a rule once it satisfies the condition (the projection is asynchronous). */
    JsonNode awaitClock(String document, String rule, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> clock(document, rule),
                clock -> clock != null && condition.test(clock));
    }

    JsonNode awaitClock(String document, String rule, String state) {
        return awaitClock(document, rule, clock -> clock.path("state").asText().equals(state));
    }

    JsonNode clock(String document, String rule) {
        LedgerApi.Response response = api.get("/api/v1/slas/documents/" + document, REPORTING_KEY);
        if (response.status() == 404) {
            return null;
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode clock : response.body()) {
            if (clock.path("rule").asText().equals(rule)) {
                return clock;
            }
        }
        return null;
    }

    JsonNode get(String path) {
        LedgerApi.Response response = api.get(path, REPORTING_KEY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static void ok(LedgerApi.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
