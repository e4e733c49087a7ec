package org.integrationledger.app.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.OpenAppend;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.DocumentKey;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.DirectEvents.issued;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The trap of AxonFramework issue #4829, reproduced: one append transaction draws its global index and stays
 * open past the gap timeout while later appends commit, one of them carrying a timestamp older than the
 * timeout. Axon's stock engine then forgets the gap and never delivers the open transaction's event; the
 * ledger's engine keeps the gap until PostgreSQL proves it final and delivers the event once it commits.
 */
class GapSafetyIntegrationTest extends LedgerIntegrationTest {

    private static final int STOCK_GAP_TIMEOUT_MILLIS = 1_000;

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventStorageEngine ledgerEngine;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private TransactionManager axonTransactions;
    @Autowired
    private ConnectionProvider connections;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    private Serializer serializer;
    @Autowired
    private EventSchema schema;
    @Autowired
    private JdbcTemplate jdbc;

    private final ExecutorService slowWriter = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWriter() {
        slowWriter.shutdownNow();
    }

    @Test
    void deliversAnEventWhoseTransactionStayedOpenPastTheGapTimeoutWhileOthersCommitted() throws Exception {
        JdbcEventStorageEngine stockEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(axonTransactions)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .schema(schema)
                .gapTimeout(STOCK_GAP_TIMEOUT_MILLIS)
                .build();
        TrackingToken start = stockEngine.createHeadToken();
        String slowPo = newPurchaseOrderId();
        String lateStampedPo = newPurchaseOrderId();

        // 1. A transaction appends (drawing its global index) and stays open.
        OpenAppend slowTransaction = openAppend(issued(slowPo, Instant.now()));

        // 2. Later appends commit: one whose event was stamped long ago (a slow transaction of its own), and
        //    ordinary connector commands.
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                eventStore.publish(issued(lateStampedPo, Instant.now().minus(Duration.ofMinutes(5)))));
        List<String> fastPos = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String po = newPurchaseOrderId();
            Response response = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY,
                    issue("US01", "USD"));
            assertThat(response.status()).isEqualTo(200);
            fastPos.add(po);
        }

        // 3. The projection moves past the open transaction's index...
        await().atMost(Duration.ofSeconds(10)).until(() -> inView(lateStampedPo) && fastPos.stream()
                .allMatch(this::inView));
        // ...and the open transaction stays open for longer than the stock gap timeout.
        await().during(Duration.ofMillis(STOCK_GAP_TIMEOUT_MILLIS * 2L)).atMost(Duration.ofSeconds(10))
                .until(() -> !inView(slowPo));
        Reading stockBefore = readAll(stockEngine, start);
        Reading ledgerBefore = readAll(ledgerEngine, start);
        assertThat(stockBefore.aggregates()).contains(lateStampedPo).doesNotContain(slowPo);
        assertThat(ledgerBefore.aggregates()).contains(lateStampedPo).doesNotContain(slowPo);

        // 4. The open transaction commits.
        slowTransaction.commit();

        await().atMost(Duration.ofSeconds(10)).until(() -> inView(slowPo));
        assertThat(readAll(ledgerEngine, ledgerBefore.token()).aggregates())
                .as("the ledger's engine delivers the late commit to a reader that had moved past it")
                .contains(slowPo);
        assertThat(readAll(stockEngine, stockBefore.token()).aggregates())
                .as("Axon's stock engine skips it for good (issue #4829): the scenario really is the trap")
                .doesNotContain(slowPo);
    }

    /**
     * The case a snapshot's xmax cannot see: transaction A takes its id first (claiming its message id), B
     * takes a later id, draws the lower index and stays open; A draws the higher index and commits. A snapshot
     * then reads "xmin = xmax = B's id" although B is running. B's event must still be delivered.
     */
    @Test
    void deliversAnEventWhoseTransactionTookItsIdAfterTheOneThatCommittedAbove() throws Exception {
        TrackingToken start = ledgerEngine.createHeadToken();
        String olderIdPo = newPurchaseOrderId();
        String openPo = newPurchaseOrderId();
        ExecutorService second = Executors.newSingleThreadExecutor();
        CountDownLatch olderHasId = new CountDownLatch(1);
        CountDownLatch appendOlder = new CountDownLatch(1);
        CountDownLatch openAppended = new CountDownLatch(1);
        CountDownLatch commitOpen = new CountDownLatch(1);
        try {
            Future<?> older = slowWriter.submit(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class);
                        olderHasId.countDown();
                        OpenAppend.awaitRelease(appendOlder);
                        eventStore.publish(issued(olderIdPo, Instant.now()));
                    }));
            assertThat(olderHasId.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> open = second.submit(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        eventStore.publish(issued(openPo, Instant.now()));
                        openAppended.countDown();
                        OpenAppend.awaitRelease(commitOpen);
                    }));
            assertThat(openAppended.await(30, TimeUnit.SECONDS)).isTrue();
            appendOlder.countDown();
            older.get(30, TimeUnit.SECONDS);

            Reading first = readAll(ledgerEngine, start);
            // Another commit, so the next read hands out a new token: it must still carry the open index.
            String laterPo = newPurchaseOrderId();
            new TransactionTemplate(transactions).executeWithoutResult(status ->
                    eventStore.publish(issued(laterPo, Instant.now())));
            Reading again = readAll(ledgerEngine, first.token());
            commitOpen.countDown();
            open.get(30, TimeUnit.SECONDS);

            assertThat(first.aggregates()).contains(olderIdPo).doesNotContain(openPo);
            assertThat(again.aggregates()).contains(laterPo).doesNotContain(openPo);
            assertThat(readAll(ledgerEngine, again.token()).aggregates()).contains(openPo);
            await().atMost(Duration.ofSeconds(10)).until(() -> inView(openPo));
        } finally {
            second.shutdownNow();
        }
    }

    /**
     * Found in a benchmark run: readers pass the indexes of an open transaction that appended two events; it
     * commits; the next read delivers both. The first must not carry a token that already counts the second as
     * read: Axon's work packages ignore an event whose token the previous event's token covers, so every
     * projection lost the second event (an invoice's {@code InvoiceMatched}, in the run).
     */
    @Test
    void deliversBothEventsOfALateTransactionWithTokensThatDoNotCoverEachOther() throws Exception {
        TrackingToken start = ledgerEngine.createHeadToken();
        String firstPo = newPurchaseOrderId();
        String secondPo = newPurchaseOrderId();
        OpenAppend open = openAppend(issued(firstPo, Instant.now()), issued(secondPo, Instant.now()));
        String laterPo = newPurchaseOrderId();
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                eventStore.publish(issued(laterPo, Instant.now())));
        Reading past = readAll(ledgerEngine, start);
        assertThat(past.aggregates()).contains(laterPo).doesNotContain(firstPo, secondPo);

        open.commit();
        // The horizon proves both indexes final, so the next read prunes gaps: the case that went wrong.
        long passed = ((GapAwareTrackingToken) past.token()).getIndex();
        GapSafeJdbcEventStorageEngine engine = (GapSafeJdbcEventStorageEngine) ledgerEngine;
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.finalGlobalIndex() >= passed);
        List<TrackedEventMessage<?>> late = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> events = ledgerEngine.readEvents(past.token(), false)) {
            events.filter(event -> List.of(firstPo, secondPo)
                    .contains(DocumentKey.businessIdOf(((DomainEventMessage<?>) event).getAggregateIdentifier())))
                    .forEach(late::add);
        }

        assertThat(late).hasSize(2);
        assertThat(past.token().covers(late.get(0).trackingToken())).isFalse();
        assertThat(late.get(0).trackingToken().covers(late.get(1).trackingToken()))
                .as("the first late event's token %s must not cover the second's %s", late.get(0).trackingToken(),
                        late.get(1).trackingToken())
                .isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> inView(firstPo) && inView(secondPo));
    }

    /** Appends the events in a transaction of the slow writer that stays open until {@link OpenAppend#commit}. */
    private OpenAppend openAppend(DomainEventMessage<?>... events) throws InterruptedException {
        return OpenAppend.of(slowWriter, transactions, eventStore, events);
    }

    private boolean inView(String po) {
        return api.get("/api/v1/purchase-orders/" + po, REPORTING_KEY).status() == 200;
    }

    private static Reading readAll(EventStorageEngine engine, TrackingToken from) {
        List<String> aggregates = new ArrayList<>();
        TrackingToken token = from;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            for (TrackedEventMessage<?> event : events.toList()) {
                aggregates.add(DocumentKey.businessIdOf(((DomainEventMessage<?>) event).getAggregateIdentifier()));
                token = event.trackingToken();
            }
        }
        return new Reading(aggregates, token);
    }

    private record Reading(List<String> aggregates, TrackingToken token) {
    }
}
