package org.integrationledger.app.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The event store's streams wake their readers when events arrive, so caught-up pooled processors do not sit
 * out Axon's 500 ms re-poll (docs/architecture.md, "Projection lag"). Timings are the benchmark's business;
 * these tests check the signal itself: offered, fired for local commits and for events another process
 * appended, and withdrawn when the stream closes.
 */
class SignallingEventStoreIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventStorageEngine engine;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void thePooledProjectionsRegisterForTheSignal() {
        assertThat(eventStore).isInstanceOf(SignallingEventStore.class);
        // One callback per open stream of a pooled processor (purchase-order-view, supplier-view, …).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ((SignallingEventStore) eventStore).registeredCallbacks() >= 5);
    }

    @Test
    void aLocalCommitWakesAStreamThatAskedForTheCallback() {
        AtomicInteger signals = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(signals::incrementAndGet)).isTrue();
            int before = signals.get();
            String po = newPurchaseOrderId();

            assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY,
                    issue("US01", "USD")).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> signals.get() > before);
            assertThat(stream.hasNextAvailable()).as("the signalled event is readable from the stream").isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/api/v1/purchase-orders/" + po, REPORTING_KEY).status() == 200);
        }
    }

    @Test
    void anEventAppendedByAnotherProcessWakesTheStreamThroughTheFetchPoll() {
        AtomicInteger signals = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
            stream.setOnAvailableCallback(signals::incrementAndGet);
            int before = signals.get();

            // Straight into the storage engine, past this process's event bus: nothing here hears the commit,
            // as for a command process running elsewhere. Only the store's fetch poll can find it.
            new TransactionTemplate(transactions).executeWithoutResult(status ->
                    engine.appendEvents(issued(newPurchaseOrderId())));

            await().atMost(Duration.ofSeconds(10)).until(() -> signals.get() > before);
        }
    }

    @Test
    void aClosedStreamNoLongerReceivesTheSignal() {
        SignallingEventStore store = (SignallingEventStore) eventStore;
        Runnable callback = () -> { };
        TrackingEventStream stream = store.openStream(store.createHeadToken());
        stream.setOnAvailableCallback(callback);
        assertThat(store.isRegistered(callback)).isTrue();

        stream.close();

        assertThat(store.isRegistered(callback)).isFalse();
    }

    private static DomainEventMessage<PurchaseOrderIssued> issued(String po) {
        Instant now = Instant.now();
        UnitPrice price = UnitPrice.of("10.00", "USD");
        PurchaseOrderIssued event = new PurchaseOrderIssued(PurchaseOrderId.of(po), SupplierId.of("SUP-1"),
                LegalEntityId.of("US01"), SystemId.of("ERP_NA"), "REQ-1",
                List.of(new PurchaseOrderLine(1, "Gasket", Quantity.of("1", "EA"), price, true)),
                Money.of("10.00", "USD"), 1, null, SystemId.of("PROCUREMENT"), now);
        return new GenericDomainEventMessage<>("PurchaseOrder", DocumentKind.PURCHASE_ORDER.key(po), 0, event,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), now);
    }
}
