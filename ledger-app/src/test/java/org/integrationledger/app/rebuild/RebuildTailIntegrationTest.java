package org.integrationledger.app.rebuild;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.integrationledger.query.rebuild.RebuildableProjection.Rebuild;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * The purchase-order, reconciliation and accrual rebuilds write their rows beside the live tables before the processors
 * stop; the events read after that (the tail, read with the processors stopped) must still reach those rows: the
 * orders and documents they change are rewritten and the ones they start are added. The rebuild is driven here
 * step by step, with the tail cut at a known event, and must end equal to the live views.
 */
class RebuildTailIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventStorageEngine engine;
    @Autowired
    private List<RebuildableProjection> projections;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void rewritesTheOrdersAndDocumentsTheLastEventsChangedAndAddsTheNewOnes() {
        // More orders than a test rebuild keeps in memory (32): every state is spilled before the tail.
        List<String> orders = IntStream.range(0, 40).mapToObj(i -> newPurchaseOrderId()).toList();
        orders.forEach(order -> post(order, "issue", PROCUREMENT_KEY, issue("US01", "USD")));
        long lastBeforeTail = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        // The tail: half of the orders posted by their ERP, and five new orders.
        orders.subList(0, 20).forEach(order ->
                post(order, "erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "45-" + order)));
        // Goods received in the tail open accrual lines: their balances change after the rows were written beside.
        orders.subList(20, 30).forEach(order -> post(order, "goods-receipts", PROCUREMENT_KEY, receipt("30", null)));
        Stream.generate(() -> newPurchaseOrderId()).limit(5)
                .forEach(order -> post(order, "issue", PROCUREMENT_KEY, issue("DE01", "EUR")));

        for (String name : List.of("purchase-order-view", "reconciliation-view", "accrual-facts")) {
            awaitCaughtUp(name);
            RebuildableProjection projection = projections.stream()
                    .filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
            String live = projection.checksum();

            Rebuild rebuild = projection.newRebuild();
            AtomicBoolean prepared = new AtomicBoolean();
            long tail;
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
                tail = events.mapToLong(event -> {
                    boolean inTail = event.trackingToken().position().orElseThrow() > lastBeforeTail;
                    if (inTail && prepared.compareAndSet(false, true)) {
                        rebuild.prepareSwitch();
                    }
                    rebuild.apply(event);
                    return inTail ? 1 : 0;
                }).sum();
            }
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                rebuild.replaceLive();
                rebuild.swapIn();
            });
            rebuild.cleanUp();

            assertThat(tail).as("events after the rows were written beside").isGreaterThanOrEqualTo(25);
            assertThat(projection.checksum()).as(name + ": rebuilt with a tail = live").isEqualTo(live);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_rebuild_spill", Long.class))
                .as("the spill was deleted after the switch").isZero();
    }

    private void post(String order, String action, String key, Object body) {
        Response response = api.post("/api/v1/purchase-orders/" + order + "/" + action, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
