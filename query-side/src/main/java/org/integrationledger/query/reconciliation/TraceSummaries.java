package org.integrationledger.query.reconciliation;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A one-line description of an event for the trace: its fields by name, with lists shown as counts. Ids of the
 * document itself, the reporting system and the business time have their own columns and are left out; nothing
 * secret is on an event (bank accounts are masked and fingerprinted before they are recorded).
 */
final class TraceSummaries {

    private static final Set<String> OWN_COLUMNS = Set.of("purchaseOrderId", "supplierId", "reportingSystem",
            "occurredAt");
    private static final int MAX_LENGTH = 1000;
    /**
     * Each event type's described components, looked up once: {@code getRecordComponents} copies its array and
     * every accessor {@code Method} it hands out must be made ready again before its first call, which per event
     * was a tenth of a rebuild's allocation.
     */
    private static final ClassValue<List<RecordComponent>> DESCRIBED = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .filter(component -> !OWN_COLUMNS.contains(component.getName())).toList();
        }
    };
    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            return DESCRIBED.get(type).stream().map(RecordComponent::getAccessor).toList();
        }
    };

    private TraceSummaries() {
    }

    static String describe(Object event) {
        if (!(event instanceof Record record)) {
            return event.getClass().getSimpleName();
        }
        StringJoiner text = new StringJoiner(", ");
        List<RecordComponent> components = DESCRIBED.get(record.getClass());
        List<Method> accessors = ACCESSORS.get(record.getClass());
        for (int i = 0; i < components.size(); i++) {
            Object value = value(accessors.get(i), record);
            if (value == null) {
                continue;
            }
            text.add(components.get(i).getName() + "=" + (value instanceof Collection<?> items ? items.size() + " item(s)"
                    : value instanceof Instant instant ? instant.toString() : String.valueOf(value)));
        }
        String summary = text.toString();
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 3) + "...";
    }

    private static Object value(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }
}
