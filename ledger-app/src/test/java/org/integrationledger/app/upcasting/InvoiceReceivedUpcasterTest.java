package org.integrationledger.app.upcasting;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.integrationledger.app.eventstore.EventStoreConfiguration;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.shared.LegalEntityId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An invoice stored under revision 1 (no billed-to legal entity) reads as revision 2 billed to none. */
class InvoiceReceivedUpcasterTest {

    private static final Instant AT = Instant.parse("2025-03-05T09:00:00Z");
    private static final String REVISION_ONE = """
            {"invoiceId":"INV-1","legalEntity":"US01","supplier":"SUP-1","supplierInvoiceNumber":"SI-1",
             "normalizedInvoiceNumber":"SI1","invoiceDate":"2025-03-05","purchaseOrderId":"PO-1","routedTo":"ERP_NA",
             "region":"NA","queue":"AP-NA","taxRegime":"US_SALES_USE_TAX",
             "lines":[{"lineNumber":1,"purchaseOrderLine":1,"quantity":{"value":100,"unitOfMeasure":"EA"},
                       "unitPrice":{"amount":12.5,"currency":"USD"},"taxCode":"S1"}],
             "net":{"amount":"1250.00","currency":"USD"},"tax":{"amount":"0.00","currency":"USD"},
             "gross":{"amount":"1250.00","currency":"USD"},"submittedBy":"clerk",
             "reportingSystem":"PROCUREMENT","occurredAt":"2025-03-05T09:00:00Z"}""";

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new InvoiceReceivedUpcaster());

    @Test
    void readsARevisionOneInvoiceAsRevisionTwoBilledToNone() {
        IntermediateEventRepresentation upcast = upcast("1", REVISION_ONE);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        InvoiceReceived invoice = serializer.deserialize(upcast.getData());
        assertThat(invoice.billedTo()).isNull();
        assertThat(invoice.legalEntity()).isEqualTo(LegalEntityId.of("US01"));
        assertThat(invoice.occurredAt()).isEqualTo(AT);
    }

    @Test
    void leavesARevisionTwoInvoiceAndItsLegalEntityAlone() {
        String revisionTwo = REVISION_ONE.replace("\"supplier\"", "\"billedTo\":\"DE01\",\"supplier\"");
        IntermediateEventRepresentation read = upcast("2", revisionTwo);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        InvoiceReceived invoice = serializer.deserialize(read.getData());
        assertThat(invoice.billedTo()).isEqualTo(LegalEntityId.of("DE01"));
    }

    private IntermediateEventRepresentation upcast(String revision, String payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Invoice", "invoice:INV-1", 0, "event-1",
                AT, InvoiceReceived.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();
    }
}
