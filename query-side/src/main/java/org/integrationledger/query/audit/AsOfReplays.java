package org.integrationledger.query.audit;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.integrationledger.model.purchaseorder.ErpPostingStatus;
import org.integrationledger.model.purchaseorder.ProcurementStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.Replay;
import org.integrationledger.query.purchaseorder.PurchaseOrderState;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rebuilds purchase-order state as of a past recorded instant: the stored events with {@code recordedAt <= T},
 * upcast and deserialized as the live processor reads them, applied in memory by the live view's own fold in its
 * host ({@link FoldHost#replay()}).
 * Nothing is written and nothing is sent, so an as-of question has no side effect.
 */
@Component
class AsOfReplays {

    private static final Comparator<PurchaseOrderSummary> NEWEST_FIRST = Comparator
            .comparing(PurchaseOrderSummary::lastBusinessTime, Comparator.reverseOrder())
            .thenComparing(summary -> summary.purchaseOrderId().value());

    private final StoredEvents events;
    private final Configuration axon;
    private final FoldHost<PurchaseOrderEvent, PurchaseOrderState> purchaseOrders;

    AsOfReplays(StoredEvents events, Configuration axon,
                FoldHost<PurchaseOrderEvent, PurchaseOrderState> purchaseOrders) {
        this.events = events;
        this.axon = axon;
        this.purchaseOrders = purchaseOrders;
    }

    Optional<PurchaseOrderSummary> purchaseOrder(PurchaseOrderId id, Instant recordedAt) {
        Replay<PurchaseOrderEvent, PurchaseOrderState> replay = purchaseOrders.replay();
        apply(events.ofAggregateUpTo(DocumentKind.PURCHASE_ORDER.key(id.value()), recordedAt).stream(), replay);
        return replay.find(id.value()).map(PurchaseOrderState::toSummary);
    }

    PurchaseOrdersAsOf purchaseOrders(Instant recordedAt, ProcurementStatus procurementStatus,
                                      ErpPostingStatus erpStatus, LegalEntityId legalEntity, SystemId erp,
                                      PageRequest page) {
        Replay<PurchaseOrderEvent, PurchaseOrderState> replay = purchaseOrders.replay();
        events.eachPurchaseOrderEventUpTo(recordedAt, row -> apply(Stream.of(row), replay));
        List<PurchaseOrderSummary> matching = replay.all().map(PurchaseOrderState::toSummary)
                .filter(order -> procurementStatus == null || order.procurementStatus() == procurementStatus)
                .filter(order -> erpStatus == null || order.erpStatus() == erpStatus)
                .filter(order -> legalEntity == null || Objects.equals(order.legalEntity(), legalEntity))
                .filter(order -> erp == null || Objects.equals(order.routedTo(), erp))
                .sorted(NEWEST_FIRST)
                .toList();
        List<PurchaseOrderSummary> items = matching.stream()
                .skip((long) page.page() * page.size()).limit(page.size()).toList();
        return new PurchaseOrdersAsOf(recordedAt, replay.eventsApplied(), items, page.page(), page.size(),
                matching.size());
    }

    private void apply(Stream<StoredEvent> rows, Replay<?, ?> replay) {
        // The same serializer and upcaster chain as the event store, so old revisions read as they do live.
        EventStreamUtils.upcastAndDeserializeDomainEvents(rows.map(StoredEvent::toDomainEventData),
                        axon.eventSerializer(), axon.upcasterChain())
                .asStream()
                .forEach(replay::apply);
    }
}
