package org.integrationledger.app.upcasting;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.integrationledger.app.eventstore.EventStoreConfiguration;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A payment stored under revision 1 (no beneficiary account) reads as revision 2 with the account null. */
class InvoicePaymentExecutedUpcasterTest {

    private static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final String REVISION_ONE = """
            {"invoiceId":"INV-1","legalEntity":"US01","supplier":"SUP-1","paymentReference":"PAY-1",
             "amount":{"amount":"2214.00","currency":"USD"},"valueDate":"2026-11-25",
             "totalPaid":{"amount":"2214.00","currency":"USD"},"gross":{"amount":"2214.00","currency":"USD"},
             "reportingSystem":"TREASURY","occurredAt":"2026-11-25T09:00:00Z"}""";

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new InvoicePaymentExecutedUpcaster());

    @Test
    void readsARevisionOnePaymentAsRevisionTwoWithoutABeneficiaryAccount() {
        IntermediateEventRepresentation upcast = upcast("1", REVISION_ONE);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(new InvoicePaymentExecuted(
                InvoiceId.of("INV-1"), LegalEntityId.of("US01"), SupplierId.of("SUP-1"), "PAY-1",
                Money.of("2214.00", "USD"), LocalDate.parse("2026-11-25"), Money.of("2214.00", "USD"),
                Money.of("2214.00", "USD"), null, SystemId.of("TREASURY"), AT));
    }

    @Test
    void leavesARevisionTwoPaymentAndItsAccountAlone() {
        String revisionTwo = REVISION_ONE.replace("\"reportingSystem\"", "\"beneficiaryAccount\":{\"masked\":\"****3000\","
                + "\"fingerprint\":\"hmac-sha256:" + "a".repeat(64) + "\"},\"reportingSystem\"");
        IntermediateEventRepresentation read = upcast("2", revisionTwo);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        InvoicePaymentExecuted payment = serializer.deserialize(read.getData());
        assertThat(payment.beneficiaryAccount()).isEqualTo(new ProtectedBankAccount("****3000",
                "hmac-sha256:" + "a".repeat(64)));
    }

    private IntermediateEventRepresentation upcast(String revision, String payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Invoice", "invoice:INV-1", 3, "event-1",
                AT, InvoicePaymentExecuted.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();
    }
}
