package org.integrationledger.app.observability;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.tracing.SpanAttributesProvider;
import org.integrationledger.model.shared.DocumentKey;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Puts the business key (the document: purchase order, supplier, ...) on every Axon span as
 * {@code ledger.business_key}: the target aggregate of a command, the aggregate of an event, so one search
 * finds the connector request, its command, its events and the projections that handled them.
 */
@Component
class BusinessKeySpanAttributes implements SpanAttributesProvider {

    static final String ATTRIBUTE = "ledger.business_key";

    @Override
    public Map<String, String> provideForMessage(Message<?> message) {
        if (message instanceof DomainEventMessage<?> event) {
            return Map.of(ATTRIBUTE, DocumentKey.businessIdOf(event.getAggregateIdentifier()));
        }
        if (message instanceof CommandMessage<?> command && command.getPayload() != null) {
            for (Field field : command.getPayloadType().getDeclaredFields()) {
                if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    try {
                        field.setAccessible(true);
                        Object key = field.get(command.getPayload());
                        return key == null ? Map.of() : Map.of(ATTRIBUTE, BusinessKeys.text(key));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return Map.of();
                    }
                }
            }
        }
        return Map.of();
    }
}
