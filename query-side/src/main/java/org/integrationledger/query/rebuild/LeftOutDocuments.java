package org.integrationledger.query.rebuild;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.integrationledger.query.representable.RepresentableValues;
import org.integrationledger.query.representable.UnrepresentableValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * The documents a rebuild leaves out: from an event holding a value no view can store on, every event of its document,
 * as the live projections park that document (docs/architecture.md, "What a view can hold"). One old event of that
 * kind would otherwise fail every rebuild.
 */
final class LeftOutDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(LeftOutDocuments.class);

    private final String rebuild;
    private final Set<String> documents = new HashSet<>();

    LeftOutDocuments(String rebuild) {
        this.rebuild = rebuild;
    }

    /** Whether the rebuild applies {@code event}: not if it, or an earlier event of its document, cannot be stored. */
    boolean admits(EventMessage<?> event) {
        String document = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : event.getIdentifier();
        if (!documents.isEmpty() && documents.contains(document)) {
            return false;
        }
        try {
            RepresentableValues.requireRepresentable(event);
            return true;
        } catch (UnrepresentableValueException e) {
            documents.add(document);
            LOG.warn("Rebuild of {}: document {} left out from global index {} on: {}", rebuild, document,
                    event instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken().position().orElse(-1)
                            : -1, e.getMessage());
            return false;
        }
    }

    int size() {
        return documents.size();
    }
}
