package org.integrationledger.query.fold;

import org.axonframework.eventhandling.GenericEventMessage;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One view folded from two families: each event reaches the fold of its family with how it was recorded, events of
 * other families are left alone.
 */
class FamilyFoldsTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    private final FamilyFolds<Seen> folds = FamilyFolds.of(key -> Seen.NONE,
            new Tagged<>(PurchaseOrderEvent.class, "order", e -> e.purchaseOrderId().value()),
            new Tagged<>(SupplierEvent.class, "supplier", e -> e.supplierId().value()));

    @Test
    void eachEventReachesTheFoldOfItsFamilyUnderThatFamilysKey() {
        PurchaseOrderCancelled order = new PurchaseOrderCancelled(PurchaseOrderId.of("X-1"), "gone",
                SystemId.of("PROCUREMENT"), NINE);
        SupplierRequestApproved supplier = new SupplierRequestApproved(SupplierId.of("X-1"), "mdm", SystemId.of("MDM"),
                NINE);

        assertThat(folds.key(order)).isEqualTo("order|X-1");
        assertThat(folds.key(supplier)).isEqualTo("supplier|X-1");
        assertThat(folds.apply(Seen.NONE, order, new Recorded("evt-1", NINE, Map.of())))
                .isEqualTo(new Seen(List.of("order evt-1")));
        assertThat(folds.apply(new Seen(List.of("order evt-1")), supplier, Recorded.at(NINE)))
                .isEqualTo(new Seen(List.of("order evt-1", "supplier null")));
    }

    @Test
    void eventsOfOtherFamiliesAreNotTheViews() {
        Object other = new SupplierId("X-1");

        assertThat(folds.event(other)).isNull();
        assertThatThrownBy(() -> folds.key(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplayOfTheHostAppliesBothFamiliesWithTheirEventIds() {
        FoldHost<Object, Seen> host = new FoldHost<>("test-view", folds, null, null, () -> null, () -> "",
                Mockito.mock(PlatformTransactionManager.class));
        Replay<Object, Seen> replay = host.replay();

        replay.apply(new GenericEventMessage<>("evt-1", new PurchaseOrderCancelled(PurchaseOrderId.of("X-1"), "gone",
                SystemId.of("PROCUREMENT"), NINE), Map.of(), NINE));
        replay.apply(new GenericEventMessage<>("evt-2", "not an event of the view", Map.of(), NINE));
        replay.apply(new GenericEventMessage<>("evt-3", new PurchaseOrderCancelled(PurchaseOrderId.of("X-1"), "gone",
                SystemId.of("ERP_NA"), NINE), Map.of(), NINE));

        assertThat(replay.find("order|X-1")).contains(new Seen(List.of("order evt-1", "order evt-3")));
        assertThat(replay.eventsApplied()).isEqualTo(2);
    }

    /** Which family's fold saw each event of a document, with the event's id. */
    record Seen(List<String> tags) implements Serializable {
        static final Seen NONE = new Seen(List.of());
    }

    /** Records which family's fold saw each event, and the event's id. */
    private record Tagged<E>(Class<E> events, String tag, java.util.function.Function<E, String> id)
            implements Fold<E, Seen> {

        @Override
        public String key(E event) {
            return tag + "|" + id.apply(event);
        }

        @Override
        public Seen initial(String key) {
            return Seen.NONE;
        }

        @Override
        public Seen apply(Seen state, E event, Instant recordedAt) {
            throw new AssertionError("the host hands over how the event was recorded");
        }

        @Override
        public Seen apply(Seen state, E event, Recorded recorded) {
            List<String> seen = new ArrayList<>(state.tags());
            seen.add(tag + " " + recorded.eventId());
            return new Seen(List.copyOf(seen));
        }
    }
}
