package org.integrationledger.app.supplier;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.SupplierRequests.MONDAY_8AM;
import static org.integrationledger.app.support.SupplierRequests.NEW_IBAN;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.bankApproval;
import static org.integrationledger.app.support.SupplierRequests.bankProposal;
import static org.integrationledger.app.support.SupplierRequests.block;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.failure;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/** The supplier and supplier-propagation views rebuilt from the event history come out identical to the live ones. */
class SupplierViewReplayIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rebuildsBothViewsIdenticallyFromTheEventHistory() {
        String active = newSupplierId();
        String rejected = newSupplierId();
        Instant day2 = MONDAY_8AM.plusSeconds(86_400);
        api.post(path(active, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        api.post(path(active, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        api.post(path(active, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-8", MONDAY_8AM.plusSeconds(7_200)));
        api.post(path(active, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 1, "E-8", null, day2));
        api.post(path(active, "bank-account-changes"), ERP_NA_KEY, bankProposal(NEW_IBAN, "clerk@example.com", day2));
        api.post(path(active, "bank-account-changes/approval"), ERP_NA_KEY, bankApproval("cfo@example.com", day2));
        api.post(path(active, "propagation-failures"), ERP_EMEA_KEY, failure("ERP_EMEA", 2, "bank country", day2));
        api.post(path(active, "block"), ERP_NA_KEY, block("review", day2.plusSeconds(60)));
        api.post(path(active, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 3, "E-8", null, day2));
        api.post(path(active, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 2, "E-8", null, day2));
        api.post(path(rejected, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        api.post(path(rejected, "rejection"), PROCUREMENT_KEY, decision("compliance@example.com", "no"));
        StreamingEventProcessor processor = processing
                .eventProcessor("supplier-view", StreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp("supplier-view");
        Map<String, List<Map<String, Object>>> live = views(active, rejected);
        assertThat(live.get("copies")).hasSize(2);

        processor.shutDown();
        processor.resetTokens();
        processor.start();

        awaitCaughtUp("supplier-view");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(views(active, rejected)).isEqualTo(live));
    }

    private Map<String, List<Map<String, Object>>> views(String... suppliers) {
        String ids = "'" + String.join("','", suppliers) + "'";
        return Map.of(
                "suppliers", jdbc.queryForList("SELECT * FROM supplier_view WHERE supplier_id IN (" + ids + ") "
                        + "ORDER BY supplier_id"),
                "copies", jdbc.queryForList("SELECT * FROM supplier_copy_view WHERE supplier_id IN (" + ids + ") "
                        + "ORDER BY supplier_id, system_id"));
    }
}
