package org.integrationledger.app.delivery;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.OpenAppend;
import org.integrationledger.query.delivery.AppliedPositions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.DirectEvents.issued;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The double application seen after kill -9 and takeovers, reproduced in one process (docs/architecture.md,
 * "Exactly once in the views"). A pooled work package skips an event only if its last token {@code covers()} the
 * event's token, and a gap-aware token covers another only if the other's gaps include all of its own gaps below
 * the other's index. A segment passes an open transaction's index (a gap), the transaction commits, and the
 * processor restarts with another segment behind: the stream re-opens at the lower token, the events the first
 * segment applied come back with tokens whose gap is filled, covers() says no, and the segment handles them again.
 */
class RedeliveredEventIntegrationTest extends LedgerIntegrationTest {

    private static final String PROCESSOR = "purchase-order-view";

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TokenStore tokens;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AppliedPositions positions;

    private final ExecutorService slowWriter = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWriter() {
        slowWriter.shutdownNow();
    }

    @Test
    void anEventDeliveredAgainAfterAGapWasFilledChangesNothingInTheView() throws Exception {
        StreamingEventProcessor processor = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        awaitCaughtUp(PROCESSOR);
        // Where segment 1 will stand: before the orders below. Its last index is left as a gap, so no token in the
        // event store's in-memory cache equals it and the restarted stream is read from PostgreSQL, as a new
        // process reads it (the cache would hand out the tokens it read before, the open gap included).
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        TrackingToken behind = GapAwareTrackingToken.newInstance(head, List.of(head - 1));

        // A transaction draws an index and stays open; orders of segment 0 commit after it and are applied.
        OpenAppend open = OpenAppend.of(slowWriter, transactions, eventStore,
                issued(purchaseOrderOfSegment(1), Instant.now()));
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String po = purchaseOrderOfSegment(0);
            assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issue("US01", "USD"))
                    .status()).isEqualTo(200);
            applied.add(po);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.stream().allMatch(this::inView));
        assertThat(applied).allSatisfy(po -> assertThat(eventCount(po)).isEqualTo(1));

        processor.shutDown();
        // Segment 1 stands where it stood before those orders: none of them is its own, and a segment with
        // nothing to apply stores its token only when it extends its claim, so trailing is its normal state.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            tokens.storeToken(behind, PROCESSOR, 1);
            tokens.releaseClaim(PROCESSOR, 1);
        });
        open.commit();
        long skippedBefore = skipped();

        processor.start();
        // Caught up is not enough: segment 0's own position is already past the orders when it starts again.
        await().atMost(Duration.ofSeconds(30)).until(() -> skipped() - skippedBefore >= applied.size()
                || applied.stream().anyMatch(po -> eventCount(po) > 1));
        awaitCaughtUp(PROCESSOR);

        assertThat(applied).allSatisfy(po -> assertThat(eventCount(po))
                .as("event count of %s after its event was delivered again", po).isEqualTo(1));
        assertThat(skipped() - skippedBefore)
                .as("the processor delivered the orders' events again (the scenario really is the redelivery)")
                .isGreaterThanOrEqualTo(applied.size());
    }

    private long skipped() {
        AtomicLong count = positions.skipped().get(PROCESSOR);
        return count == null ? 0 : count.get();
    }

    /** Axon's segments split on the hash of the sequence identifier, here the order's id. */
    private static String purchaseOrderOfSegment(int segment) {
        String po;
        do {
            po = newPurchaseOrderId();
        } while ((po.hashCode() & 1) != segment);
        return po;
    }

    private boolean inView(String po) {
        return api.get("/api/v1/purchase-orders/" + po, REPORTING_KEY).status() == 200;
    }

    private long eventCount(String po) {
        return jdbc.queryForObject("SELECT event_count FROM purchase_order_view WHERE purchase_order_id = ?",
                Long.class, po);
    }
}
