package org.integrationledger.app.purchaseorder;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpRejection;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/** The purchase-order view rebuilt from the event history comes out identical to the live one. */
class PurchaseOrderViewReplayIntegrationTest extends LedgerIntegrationTest {

    private static final String VIEW = "SELECT * FROM purchase_order_view ORDER BY purchase_order_id";

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rebuildsTheViewIdenticallyFromTheEventHistory() {
        String na = newPurchaseOrderId();
        String emea = newPurchaseOrderId();
        api.post("/api/v1/purchase-orders/" + na + "/issue", PROCUREMENT_KEY, issue("US01", "USD"));
        api.post("/api/v1/purchase-orders/" + na + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "45-1"));
        api.post("/api/v1/purchase-orders/" + na + "/amendments", PROCUREMENT_KEY, amendment(2, "2675.00", "150"));
        api.post("/api/v1/purchase-orders/" + na + "/goods-receipts", PROCUREMENT_KEY, receipt("20", "10"));
        api.post("/api/v1/purchase-orders/" + emea + "/erp-postings", ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-9"));
        api.post("/api/v1/purchase-orders/" + emea + "/erp-rejections", ERP_EMEA_KEY, erpRejection("ERP_EMEA", 2));
        StreamingEventProcessor processor = processing
                .eventProcessor("purchase-order-view", StreamingEventProcessor.class).orElseThrow();
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'org.integrationledger.model.purchaseorder.%'", Long.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> viewEventCount() == events);
        List<Map<String, Object>> live = jdbc.queryForList(VIEW);

        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> viewEventCount() == events && !processor.isReplaying());
        assertThat(jdbc.queryForList(VIEW)).isEqualTo(live);
    }

    private long viewEventCount() {
        return jdbc.queryForObject("SELECT coalesce(sum(event_count), 0) FROM purchase_order_view", Long.class);
    }
}
