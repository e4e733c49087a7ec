package org.integrationledger.model.shared;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.sla.SlaRuleEvent;
import org.integrationledger.model.supplier.SupplierEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor of each sealed event family: one method per permitted record, and {@code accept} is not a property of
 * the events' JSON (Axon stores events with Jackson 2), so the stored form is the record's components and nothing else.
 */
class EventVisitorTest {

    private static final List<Class<?>> FAMILIES = List.of(PurchaseOrderEvent.class, SupplierEvent.class,
            InvoiceEvent.class, SlaRuleEvent.class);

    private final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void everyVisitorHasOneMethodPerEventOfItsFamily() {
        for (Class<?> family : FAMILIES) {
            Class<?> visitor = Arrays.stream(family.getDeclaredClasses())
                    .filter(nested -> nested.getSimpleName().equals("Visitor")).findFirst().orElseThrow();
            Set<Class<?>> visited = Arrays.stream(visitor.getDeclaredMethods())
                    .map(method -> method.getParameterTypes()[0]).collect(Collectors.toSet());
            assertThat(visited).as(family.getSimpleName())
                    .containsExactlyInAnyOrder(family.getPermittedSubclasses());
            assertThat(Arrays.stream(visitor.getDeclaredMethods()).filter(Method::isDefault)).isEmpty();
        }
    }

    @Test
    void theJsonOfEveryEventHasExactlyItsRecordComponents() {
        for (Class<?> family : FAMILIES) {
            for (Class<?> event : family.getPermittedSubclasses()) {
                JavaType type = jackson.constructType(event);
                Set<String> properties = jackson.getSerializationConfig().introspect(type).findProperties().stream()
                        .filter(BeanPropertyDefinition::couldSerialize).map(BeanPropertyDefinition::getName)
                        .collect(Collectors.toSet());
                Set<String> components = Stream.of(event.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toSet());
                assertThat(properties).as(event.getSimpleName()).isEqualTo(components);
            }
        }
    }

    @Test
    void anEventSerializesWithoutItsAcceptMethod() throws Exception {
        PurchaseOrderCancelled cancelled = new PurchaseOrderCancelled(PurchaseOrderId.of("PO-1"), "duplicate",
                SystemId.of("PROCUREMENT"), Instant.parse("2026-11-23T09:00:00Z"));

        String json = jackson.writeValueAsString(cancelled);

        assertThat(json).doesNotContain("accept");
        assertThat(jackson.readValue(json, PurchaseOrderCancelled.class)).isEqualTo(cancelled);
    }
}
