package org.integrationledger.app.upcasting;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.integrationledger.app.eventstore.EventStoreConfiguration;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.sla.SlaRuleDefined;
import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaScope;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored under revision 1 read as revision 2: stale acknowledgments with their version under its new name and
 * null for what revision 1 did not keep; SLA rules without start alternatives.
 */
class StaleAcknowledgmentUpcastersTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:10:00Z");

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new StalePostingAcknowledgmentUpcaster(),
            new StaleSupplierAcknowledgmentUpcaster(), new SlaRuleStartAlternativesUpcaster());

    @Test
    void readsARevisionOneStalePostingAsRevisionTwo() {
        Object read = read(StalePostingAcknowledgmentRecorded.class, "PO-1", """
                {"purchaseOrderId":"PO-1","erpDocumentNumber":"4500012345","acknowledgedVersion":1,
                 "currentlyAcknowledgedVersion":2,"reportingSystem":"ERP_NA","occurredAt":"2026-11-23T09:10:00Z"}""");

        assertThat(read).isEqualTo(new StalePostingAcknowledgmentRecorded(PurchaseOrderId.of("PO-1"), "4500012345",
                1, null, 2, null, null, SystemId.of("ERP_NA"), AT));
    }

    @Test
    void readsARevisionOneStaleSupplierAcknowledgmentAsRevisionTwo() {
        Object read = read(StaleSupplierAcknowledgmentRecorded.class, "SUP-1", """
                {"supplierId":"SUP-1","acknowledgedVersion":1,"currentlyAcknowledgedVersion":2,"reference":"E-4711",
                 "reportingSystem":"ERP_EMEA","occurredAt":"2026-11-23T09:10:00Z"}""");

        assertThat(read).isEqualTo(new StaleSupplierAcknowledgmentRecorded(SupplierId.of("SUP-1"), 1, null, 2,
                "E-4711", null, null, SystemId.of("ERP_EMEA"), AT));
    }

    @Test
    void readsARevisionOneSlaRuleAsStartedByItsStartEventAlone() {
        Object read = read(SlaRuleDefined.class, "po-approved-to-posted", """
                {"ruleName":"po-approved-to-posted","definition":{"name":"po-approved-to-posted",
                 "startEvent":"RequisitionApproved","stopEvents":["PurchaseOrderPostedInErp"],"limit":"PT30M",
                 "warningThreshold":0.8,"severity":"HIGH","scope":{"legalEntities":[],"regions":[],"systems":[]},
                 "clockPerSystem":null,"systemField":"routedTo","versionField":null,"pairField":null},
                 "occurredAt":"2026-11-23T09:10:00Z"}""");

        assertThat(read).isEqualTo(new SlaRuleDefined("po-approved-to-posted", new SlaRuleDefinition(
                "po-approved-to-posted", "RequisitionApproved", List.of("PurchaseOrderPostedInErp"),
                Duration.ofMinutes(30), 0.8, "HIGH", SlaScope.ANY, null, "routedTo", null, null, List.of()), AT));
    }

    private Object read(Class<?> type, String aggregate, String revisionOnePayload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Aggregate", aggregate, 3, "event-1",
                AT, type.getName(), "1", revisionOnePayload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        IntermediateEventRepresentation upcast = chain.upcast(Stream.of(new InitialEventRepresentation(entry,
                serializer))).findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.getData());
    }
}
