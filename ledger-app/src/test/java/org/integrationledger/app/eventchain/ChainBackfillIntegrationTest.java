package org.integrationledger.app.eventchain;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.shared.DocumentKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The migration's backfill, run over rows the ledger chained in Java, reproduces every hash: a ledger upgraded
 * with existing events gets the same chain as one that wrote them with the chain in place.
 */
class ChainBackfillIntegrationTest extends LedgerIntegrationTest {

    private static final String MIGRATION = "/db/migration/eventstore/V202611252000__event_chain.sql";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void theMigrationsBackfillComputesTheSameChainAsTheAppendPath() throws IOException {
        String order = newPurchaseOrderId();
        api.post("/api/v1/purchase-orders/" + order + "/issue", PROCUREMENT_KEY, issue("DE01", "EUR"));
        api.post("/api/v1/purchase-orders/" + order + "/erp-postings", ERP_EMEA_KEY, erpPosting("ERP_EMEA", 1, "E-1"));
        String backfill = backfillBlock();

        Long differing = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE chain_before ON COMMIT DROP AS "
                    + "SELECT global_index, event_hash FROM domain_event_entry");
            jdbc.execute(backfill);
            Long changed = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN chain_before b "
                    + "USING (global_index) WHERE e.event_hash IS DISTINCT FROM b.event_hash", Long.class);
            status.setRollbackOnly();
            return changed;
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, DocumentKind.PURCHASE_ORDER.key(order))).isEqualTo(2);
        assertThat(differing).isZero();
    }

    /** The migration's DO block, as Flyway ran it. */
    private String backfillBlock() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(MIGRATION)) {
            String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = migration.indexOf("DO\n$$");
            int end = migration.indexOf("$$;", start + 5);
            return migration.substring(start, end + 2);
        }
    }
}
