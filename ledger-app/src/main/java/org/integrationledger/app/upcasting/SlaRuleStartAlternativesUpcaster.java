package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationledger.model.sla.SlaRuleChanged;
import org.integrationledger.model.sla.SlaRuleDefined;
import org.springframework.stereotype.Component;

/**
 * {@code SlaRuleDefined} and {@code SlaRuleChanged} revision 1 → 2: each definition gets {@code startAlternatives = []}.
 * A revision 1 rule started its clocks on its start event alone, which is what an empty list says.
 */
@Component
class SlaRuleStartAlternativesUpcaster extends PayloadRevisionUpcaster {

    SlaRuleStartAlternativesUpcaster() {
        super("1", "2", SlaRuleDefined.class, SlaRuleChanged.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        for (String definition : new String[]{"definition", "previous"}) {
            if (payload.get(definition) instanceof ObjectNode rule && !rule.has("startAlternatives")) {
                rule.putArray("startAlternatives");
            }
        }
    }
}
