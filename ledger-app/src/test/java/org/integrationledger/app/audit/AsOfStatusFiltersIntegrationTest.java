package org.integrationledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.cancellation;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** The as-of purchase-order list takes the live list's status filters, procurementStatus and erpStatus. */
class AsOfStatusFiltersIntegrationTest extends LedgerIntegrationTest {

    @Test
    void theAsOfListFiltersByProcurementAndErpStatusLikeTheLiveList() {
        String cancelledPosted = order(true, true);
        String cancelledUnposted = order(true, false);
        String issuedPosted = order(false, true);
        String filter = "procurementStatus=CANCELLED&erpStatus=POSTED&legalEntity=US01&size=500";
        Set<String> live = new HashSet<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            live.clear();
            live.addAll(ids(api.get("/api/v1/purchase-orders?" + filter, REPORTING_KEY).body()));
            return live.contains(cancelledPosted);
        });

        JsonNode asOf = api.get("/api/v1/audit/purchase-orders/as-of?recordedAt=" + Instant.now().plusSeconds(1)
                + "&" + filter, AUDITOR_KEY).body();

        Set<String> replayed = ids(asOf);
        assertThat(replayed).contains(cancelledPosted).doesNotContain(cancelledUnposted, issuedPosted);
        assertThat(replayed).isEqualTo(live);
        assertThat(asOf.path("totalItems").asLong()).isEqualTo(live.size());
        assertThat(ids(api.get("/api/v1/audit/purchase-orders/as-of?recordedAt=" + Instant.now().plusSeconds(1)
                + "&procurementStatus=ISSUED&erpStatus=POSTED&size=500", AUDITOR_KEY).body()))
                .contains(issuedPosted).doesNotContain(cancelledPosted, cancelledUnposted);
        Response bad = api.get("/api/v1/audit/purchase-orders/as-of?recordedAt=" + Instant.now()
                + "&erpStatus=SOMETIMES", AUDITOR_KEY);
        assertThat(bad.status()).isEqualTo(400);
    }

    private String order(boolean cancelled, boolean posted) {
        String id = newPurchaseOrderId();
        ok(api.post("/api/v1/purchase-orders/" + id + "/issue", PROCUREMENT_KEY, issue("US01", "USD")));
        if (posted) {
            ok(api.post("/api/v1/purchase-orders/" + id + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1,
                    "45" + id.hashCode())));
        }
        if (cancelled) {
            ok(api.post("/api/v1/purchase-orders/" + id + "/cancellation", PROCUREMENT_KEY, cancellation()));
        }
        return id;
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.path("items").forEach(item -> ids.add(item.path("purchaseOrderId").asText()));
        return ids;
    }

    private void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
