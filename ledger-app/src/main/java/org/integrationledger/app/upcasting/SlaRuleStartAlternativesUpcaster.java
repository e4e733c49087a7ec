package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.integrationledger.model.sla.SlaRuleChanged;
import org.integrationledger.model.sla.SlaRuleDefined;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * {@code SlaRuleDefined} and {@code SlaRuleChanged} revision 1 → 2: each definition gets {@code startAlternatives = []}.
 * A revision 1 rule started its clocks on its start event alone, which is what an empty list says.
 */
@Component
class SlaRuleStartAlternativesUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(SlaRuleDefined.class.getName(), SlaRuleChanged.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SimpleSerializedType revision2 = new SimpleSerializedType(representation.getType().getName(), "2");
        return representation.upcastPayload(revision2, JsonNode.class, payload -> {
            for (String definition : new String[]{"definition", "previous"}) {
                if (payload.get(definition) instanceof ObjectNode rule && !rule.has("startAlternatives")) {
                    rule.putArray("startAlternatives");
                }
            }
            return payload;
        });
    }
}
