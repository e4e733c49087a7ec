package org.integrationledger.app.purchaseorder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.purchaseorder.ClosureReason;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * The command side keeps recently used aggregates in memory (docs/architecture.md, "Aggregate cache"): the next
 * message about a document is decided without reading its history again, and a cached state that the event store
 * contradicts is dropped by the failed append, so the connector's retry is decided on the stored history.
 */
class AggregateCacheIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private MeterRegistry meters;
    @Autowired
    private EventStorageEngine engine;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void decidesTheNextMessageAboutADocumentFromTheCache() {
        String po = issued();
        double hitsBefore = purchaseOrderCacheHits();

        Response posting = api.post("/api/v1/purchase-orders/" + po + "/erp-postings", ERP_NA_KEY,
                erpPosting("ERP_NA", 1, "4500" + Math.abs(po.hashCode() % 100_000)));

        assertThat(posting.status()).as(posting.toString()).isEqualTo(200);
        assertThat(posting.body().path("ledgerVersion").asLong()).isEqualTo(1);
        assertThat(purchaseOrderCacheHits()).isGreaterThan(hitsBefore);
    }

    @Test
    void aCachedStateTheStoreContradictsCollidesAndTheMessageIsDecidedAgainOnTheStoredHistory() {
        String po = issued();
        // What a second command process appending to the same store would do behind this one's cache.
        Instant closedAt = Instant.parse("2026-11-25T09:00:00Z");
        PurchaseOrderClosed closed = new PurchaseOrderClosed(PurchaseOrderId.of(po), ClosureReason.COMPLETED,
                SystemId.of("PROCUREMENT"), closedAt);
        new TransactionTemplate(transactions).executeWithoutResult(status -> engine.appendEvents(
                new GenericDomainEventMessage<>("PurchaseOrder", DocumentKind.PURCHASE_ORDER.key(po), 1, closed,
                        MetaData.emptyInstance(), UUID.randomUUID().toString(), closedAt)));
        long eventsBefore = events.totalEvents();
        long messagesBefore = events.acceptedMessages();
        Map<String, Object> goodsReceipt = receipt("1", null);

        long collidedBefore = collidedReceipts();

        Response answer = api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY,
                goodsReceipt);
        // The cached order did not know it was closed; its append collided with the stored event 1 and rolled back,
        // dropping the cached state, and the ledger decided the message again on the stored history.
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("purchase-order-closed");
        assertThat(events.totalEvents()).isEqualTo(eventsBefore);
        assertThat(events.acceptedMessages()).isEqualTo(messagesBefore);
        assertThat(collidedReceipts() - collidedBefore).as("the attempt that collided").isEqualTo(1);
    }

    private long collidedReceipts() {
        return meters.find("ledger.connector.commands").tag("command", "ReceiveGoods").tag("outcome", "failed")
                .timers().stream().mapToLong(timer -> timer.count()).sum();
    }

    private String issued() {
        String po = newPurchaseOrderId();
        Response response = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY,
                issue("US01", "USD"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return po;
    }

    private double purchaseOrderCacheHits() {
        FunctionCounter hits = meters.find("cache.gets").tag("cache", "ledger.aggregate.cache")
                .tag("aggregate", "PurchaseOrder").tag("result", "hit").functionCounter();
        assertThat(hits).as("the purchase-order cache's hit counter").isNotNull();
        return hits.count();
    }
}
