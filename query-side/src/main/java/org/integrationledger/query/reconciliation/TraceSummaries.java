package org.integrationledger.query.reconciliation;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A one-line description of an event for the trace: its fields by name, with lists shown as counts (an empty list
 * not at all: "no goods beyond the order" is no news). Ids of the document itself, the reporting system and the
 * business time have their own columns and are left out; nothing secret is on an event (bank accounts are masked
 * and fingerprinted before they are recorded). Every event of the families the trace shows is a record; its
 * components are the fields.
 */
final class TraceSummaries {

    private static final Set<String> OWN_COLUMNS = Set.of("purchaseOrderId", "supplierId", "reportingSystem",
            "occurredAt");
    private static final int MAX_LENGTH = 1000;
    /**
     * Each event type's described fields, looked up once: {@code getRecordComponents} copies its array and every
     * accessor {@code Method} it hands out must be made ready again before its first call, which per event was a
     * tenth of a rebuild's allocation. Empty for a type that is not a record.
     */
    private static final ClassValue<List<Field>> DESCRIBED = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of() : Arrays.stream(components)
                    .filter(component -> !OWN_COLUMNS.contains(component.getName()))
                    .map(component -> new Field(component.getName(), component.getAccessor(),
                            Collection.class.isAssignableFrom(component.getType())))
                    .toList();
        }
    };

    private TraceSummaries() {
    }

    static String describe(Object event) {
        if (!event.getClass().isRecord()) {
            return event.getClass().getSimpleName();
        }
        StringJoiner text = new StringJoiner(", ");
        for (Field field : DESCRIBED.get(event.getClass())) {
            Object value = field.value(event);
            // An empty list says nothing a reader needs (e.g. no goods received beyond the order): left out.
            if (value != null && !(field.counted() && ((Collection<?>) value).isEmpty())) {
                text.add(field.name() + "=" + (field.counted() ? ((Collection<?>) value).size() + " item(s)"
                        : String.valueOf(value)));
            }
        }
        String summary = text.toString();
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 3) + "...";
    }

    /** One described field: a list (by its declared type) is shown as its count, anything else as its text. */
    private record Field(String name, Method accessor, boolean counted) {

        Object value(Object event) {
            try {
                return accessor.invoke(event);
            } catch (ReflectiveOperationException e) {
                return "?";
            }
        }
    }
}
