package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shape every upcaster here has: events of the given types at one revision get their JSON payload changed in
 * place and carry the next revision; a subclass says only what changes.
 */
abstract class PayloadRevisionUpcaster extends SingleEventUpcaster {

    private final Set<String> types;
    private final String from;
    private final String to;

    PayloadRevisionUpcaster(String from, String to, Class<?>... eventTypes) {
        this.types = Arrays.stream(eventTypes).map(Class::getName).collect(Collectors.toUnmodifiableSet());
        this.from = from;
        this.to = to;
    }

    /** Changes a payload of revision {@code from} into one of revision {@code to}. */
    protected abstract void upcast(ObjectNode payload);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return types.contains(representation.getType().getName()) && from.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SimpleSerializedType next = new SimpleSerializedType(representation.getType().getName(), to);
        return representation.upcastPayload(next, JsonNode.class, payload -> {
            upcast((ObjectNode) payload);
            return payload;
        });
    }
}
