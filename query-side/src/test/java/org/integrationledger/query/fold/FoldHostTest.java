package org.integrationledger.query.fold;

import org.axonframework.eventhandling.GenericEventMessage;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's live and as-of settings run the same fold: per document, in order, events of its family only; live, a
 * batch reads a document once; an event that names its document through a link folds into the linked one.
 */
class FoldHostTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    private final Map<String, List<String>> saved = new HashMap<>();
    private final Map<String, String> storedLinks = new HashMap<>();
    private int loads;
    private final FoldHost<PurchaseOrderEvent, Seen> host = new FoldHost<>("test-view", new SeenSystems(),
            new InMemory(), null, () -> null, () -> "", Mockito.mock(PlatformTransactionManager.class));

    @Test
    void liveLoadsAppliesAndSavesTheStateOfTheEventsDocument() {
        host.live(cancelled("PO-1", "ERP_NA"), NINE);
        host.live(cancelled("PO-2", "ERP_APAC"), NINE);
        host.live(cancelled("PO-1", "ERP_EMEA"), NINE);

        assertThat(saved).containsEntry("PO-1", List.of("ERP_NA", "ERP_EMEA")).containsEntry("PO-2", List.of("ERP_APAC"));
    }

    @Test
    void aBatchLoadsEachDocumentOnceAndForgetsItWhenItsTransactionCompletes() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            host.live(cancelled("PO-1", "ERP_NA"), NINE);
            host.live(cancelled("PO-1", "ERP_EMEA"), NINE);
            host.live(cancelled("PO-2", "ERP_APAC"), NINE);
        } finally {
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(loads).isEqualTo(2);
        assertThat(saved).containsEntry("PO-1", List.of("ERP_NA", "ERP_EMEA"));
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();

        host.live(cancelled("PO-1", "ERP_APAC"), NINE);

        assertThat(loads).as("the next batch reads the stored state again").isEqualTo(3);
        assertThat(saved).containsEntry("PO-1", List.of("ERP_NA", "ERP_EMEA", "ERP_APAC"));
    }

    @Test
    void aReplayAppliesTheFamilysEventsInOrderAndSkipsOthers() {
        Replay<PurchaseOrderEvent, Seen> replay = host.replay();

        replay.apply(GenericEventMessage.asEventMessage(cancelled("PO-1", "ERP_NA")));
        replay.apply(GenericEventMessage.asEventMessage(new SupplierRequestApproved(SupplierId.of("SUP-1"), "mdm",
                SystemId.of("MDM"), NINE)));
        replay.apply(GenericEventMessage.asEventMessage(cancelled("PO-1", "ERP_EMEA")));

        assertThat(replay.find("PO-1")).contains(new Seen(List.of("ERP_NA", "ERP_EMEA")));
        assertThat(replay.eventsApplied()).isEqualTo(2);
        assertThat(saved).as("a replay writes nothing").isEmpty();
    }

    @Test
    void tablesThatTakeStatesAsFoldedGetEachEventsStateAndTheRebuildKeepsNone() {
        List<Seen> appended = new ArrayList<>();
        RebuiltTables<Seen> appending = new RebuiltTables<>() {
            @Override
            public boolean keepsStates() {
                return false;
            }

            @Override
            public void append(Seen state) {
                appended.add(state);
            }

            @Override
            public void replaceLive(BoundedStates<Seen> states) {
                assertThat(states).as("no states were kept to hand over").isNull();
            }
        };
        FoldHost<PurchaseOrderEvent, Seen> appendingHost = new FoldHost<>("test-view", new SeenSystems(),
                new InMemory(), null, () -> appending, () -> "", Mockito.mock(PlatformTransactionManager.class));

        RebuildableProjection.Rebuild rebuild = appendingHost.newRebuild();
        rebuild.apply(GenericEventMessage.asEventMessage(cancelled("PO-1", "ERP_NA")));
        rebuild.apply(GenericEventMessage.asEventMessage(new SupplierRequestApproved(SupplierId.of("SUP-1"), "mdm",
                SystemId.of("MDM"), NINE)));
        rebuild.apply(GenericEventMessage.asEventMessage(cancelled("PO-1", "ERP_EMEA")));
        rebuild.replaceLive();

        assertThat(appended).as("each from the initial state: the tables' keys are the events' own")
                .containsExactly(new Seen(List.of("ERP_NA")), new Seen(List.of("ERP_EMEA")));
        assertThat(rebuild.states()).isEmpty();
    }

    @Test
    void aFoldOfSeveralFamiliesTakesTheEventsOfEachAndNoOthers() {
        Fold<Object, Seen> both = new FoldOfFamilies<>(key -> new Seen(List.of()), List.of(new SeenSystems(),
                new SuppliersSeen()));
        Replay<Object, Seen> replay = new FoldHost<>("test-view", both, null, null, () -> null, () -> "",
                Mockito.mock(PlatformTransactionManager.class)).replay();

        replay.apply(GenericEventMessage.asEventMessage(cancelled("PO-1", "ERP_NA")));
        replay.apply(GenericEventMessage.asEventMessage(new SupplierRequestApproved(SupplierId.of("SUP-1"), "mdm",
                SystemId.of("MDM"), NINE)));
        replay.apply(GenericEventMessage.asEventMessage("not of any family"));

        assertThat(replay.find("PO-1")).contains(new Seen(List.of("ERP_NA")));
        assertThat(replay.find("SUP-1")).contains(new Seen(List.of("MDM")));
        assertThat(replay.eventsApplied()).isEqualTo(2);
    }

    @Test
    void anEventNamingItsDocumentThroughALinkFoldsIntoTheLinkedOneAndIsSkippedBeforeAnyLink() {
        FoldHost<PurchaseOrderEvent, Seen> linking = new FoldHost<>("test-view", new LinkedSystems(), new InMemory(),
                null, () -> null, () -> "", Mockito.mock(PlatformTransactionManager.class));
        Replay<PurchaseOrderEvent, Seen> replay = linking.replay();

        replay.apply(GenericEventMessage.asEventMessage(cancelled("PO-1", "ERP_NA", "via INV-1")));
        replay.apply(GenericEventMessage.asEventMessage(cancelled("PO-1", "PROCUREMENT", "links INV-1")));
        replay.apply(GenericEventMessage.asEventMessage(cancelled("PO-2", "PROCUREMENT", "links INV-1")));
        replay.apply(GenericEventMessage.asEventMessage(cancelled("PO-9", "ERP_EMEA", "via INV-1")));

        assertThat(replay.find("PO-1")).as("the first link stands").contains(new Seen(List.of("PROCUREMENT",
                "ERP_EMEA")));
        assertThat(replay.find("PO-9")).isEmpty();
        assertThat(replay.eventsApplied()).isEqualTo(3);

        TransactionSynchronizationManager.initSynchronization();
        try {
            linking.live(cancelled("PO-3", "PROCUREMENT", "links INV-3"), NINE);
            linking.live(cancelled("PO-9", "ERP_NA", "via INV-3"), NINE);
        } finally {
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(saved).as("a batch sees its own links before they are stored")
                .containsEntry("PO-3", List.of("PROCUREMENT", "ERP_NA"));

        storedLinks.put("INV-3", "PO-3");
        linking.live(cancelled("PO-9", "ERP_EMEA", "via INV-3"), NINE);
        linking.live(cancelled("PO-9", "ERP_EMEA", "via INV-4"), NINE);

        assertThat(saved).as("a later batch asks the stored rows").containsEntry("PO-3",
                List.of("PROCUREMENT", "ERP_NA", "ERP_EMEA")).doesNotContainKey("PO-9");
    }

    private static PurchaseOrderCancelled cancelled(String order, String system, String reason) {
        return new PurchaseOrderCancelled(PurchaseOrderId.of(order), reason, SystemId.of(system), NINE);
    }

    private static PurchaseOrderCancelled cancelled(String order, String system) {
        return new PurchaseOrderCancelled(PurchaseOrderId.of(order), "duplicate", SystemId.of(system), NINE);
    }

    /** The systems that reported on a document, in order. */
    record Seen(List<String> systems) implements Serializable {
    }

    private static final class SeenSystems implements Fold<PurchaseOrderEvent, Seen> {

        @Override
        public Class<PurchaseOrderEvent> events() {
            return PurchaseOrderEvent.class;
        }

        @Override
        public String key(PurchaseOrderEvent event) {
            return event.purchaseOrderId().value();
        }

        @Override
        public Seen initial(String key) {
            return new Seen(List.of());
        }

        @Override
        public Seen apply(Seen state, PurchaseOrderEvent event, Instant recordedAt) {
            List<String> systems = new ArrayList<>(state.systems());
            systems.add(event.reportingSystem().value());
            return new Seen(List.copyOf(systems));
        }
    }

    /** As {@link SeenSystems}; a reason "via X" names the document through X, "links X" links X to the order. */
    private static final class LinkedSystems implements Fold<PurchaseOrderEvent, Seen> {

        private final SeenSystems seen = new SeenSystems();

        @Override
        public Class<PurchaseOrderEvent> events() {
            return PurchaseOrderEvent.class;
        }

        @Override
        public String key(PurchaseOrderEvent event) {
            return seen.key(event);
        }

        @Override
        public String keyVia(PurchaseOrderEvent event) {
            String reason = ((PurchaseOrderCancelled) event).reason();
            return reason.startsWith("via ") ? reason.substring(4) : null;
        }

        @Override
        public String link(PurchaseOrderEvent event) {
            String reason = ((PurchaseOrderCancelled) event).reason();
            return reason.startsWith("links ") ? reason.substring(6) : null;
        }

        @Override
        public Seen initial(String key) {
            return seen.initial(key);
        }

        @Override
        public Seen apply(Seen state, PurchaseOrderEvent event, Instant recordedAt) {
            return seen.apply(state, event, recordedAt);
        }
    }

    private static final class SuppliersSeen implements Fold<SupplierEvent, Seen> {

        @Override
        public Class<SupplierEvent> events() {
            return SupplierEvent.class;
        }

        @Override
        public String key(SupplierEvent event) {
            return event.supplierId().value();
        }

        @Override
        public Seen initial(String key) {
            return new Seen(List.of());
        }

        @Override
        public Seen apply(Seen state, SupplierEvent event, Instant recordedAt) {
            return new Seen(List.of(event.reportingSystem().value()));
        }
    }

    private final class InMemory implements LiveStates<Seen> {

        @Override
        public Seen load(String key) {
            loads++;
            List<String> systems = saved.get(key);
            return systems == null ? null : new Seen(systems);
        }

        @Override
        public void save(String key, Seen before, Seen state) {
            assertThat(before == null).isEqualTo(!saved.containsKey(key));
            saved.put(key, state.systems());
        }

        @Override
        public String linked(String via) {
            return storedLinks.get(via);
        }
    }
}
