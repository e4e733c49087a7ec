package org.integrationledger.app.upcasting;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.integrationledger.app.eventstore.EventStoreConfiguration;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptExcess;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A receipt stored under revision 1 reads as revision 2 with nothing received beyond the order. */
class ReceivedBeyondOrderUpcasterTest {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final String REVISION_ONE = """
            {"purchaseOrderId":"PO-1","receiptNumber":"GR-1",
             "lines":[{"lineNumber":1,"quantity":{"value":"10","unitOfMeasure":"EA"}}],"fullyReceived":true,
             "reportingSystem":"WMS_NA","occurredAt":"2026-11-25T09:00:00Z"}""";

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new ReceivedBeyondOrderUpcaster());

    @Test
    void readsARevisionOneReceiptAsRevisionTwoWithinTheOrder() {
        IntermediateEventRepresentation upcast = upcast("1", REVISION_ONE);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(new GoodsReceived(
                PurchaseOrderId.of("PO-1"), "GR-1", List.of(new ReceiptLine(1, Quantity.of("10", "EA"))), true,
                List.of(), SystemId.of("WMS_NA"), AT));
    }

    @Test
    void leavesARevisionTwoReceiptAndItsExcessAlone() {
        String revisionTwo = REVISION_ONE.replace("\"reportingSystem\"", "\"receivedBeyondOrder\":[{\"lineNumber\":1,"
                + "\"ordered\":{\"value\":\"8\",\"unitOfMeasure\":\"EA\"},"
                + "\"received\":{\"value\":\"10\",\"unitOfMeasure\":\"EA\"}}],\"reportingSystem\"");
        IntermediateEventRepresentation read = upcast("2", revisionTwo);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        GoodsReceived receipt = serializer.deserialize(read.getData());
        assertThat(receipt.receivedBeyondOrder()).containsExactly(new ReceiptExcess(1, Quantity.of("8", "EA"),
                Quantity.of("10", "EA")));
    }

    private IntermediateEventRepresentation upcast(String revision, String payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("PurchaseOrder", "purchase-order:PO-1", 3,
                "event-1", AT, GoodsReceived.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();
    }
}
