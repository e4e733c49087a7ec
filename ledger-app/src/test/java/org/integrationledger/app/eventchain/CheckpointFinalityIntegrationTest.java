package org.integrationledger.app.eventchain;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.shared.DocumentKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** Checkpoints stop at the gap rule's finality horizon: a range is never sealed while an append may still fill it. */
class CheckpointFinalityIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private Checkpoints checkpoints;

    private final ExecutorService openAppend = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        openAppend.shutdownNow();
    }

    @Test
    void neverSealsAnIndexThatAnOpenAppendMayStillFill() throws Exception {
        CountDownLatch drawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong held = new AtomicLong();
        // An append as the engine does it: transaction id first, then a global index, and the commit still to come.
        Future<?> append = openAppend.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class);
            held.set(jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class));
            drawn.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status.setRollbackOnly();
        }));
        assertThat(drawn.await(30, TimeUnit.SECONDS)).isTrue();
        String later = newPurchaseOrderId();
        assertThat(api.post("/api/v1/purchase-orders/" + later + "/issue", PROCUREMENT_KEY, issue("US01", "USD"))
                .status()).isEqualTo(200);
        long laterIndex = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, DocumentKind.PURCHASE_ORDER.key(later));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> checkpoints.sealUpToFinal()
                .map(checkpoint -> checkpoint.toIndex() < held.get()).orElse(true));

        release.countDown();
        append.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> checkpoints.sealUpToFinal()
                .map(checkpoint -> checkpoint.toIndex() >= laterIndex).orElse(false));
        assertThat(laterIndex).isGreaterThan(held.get());
    }
}
