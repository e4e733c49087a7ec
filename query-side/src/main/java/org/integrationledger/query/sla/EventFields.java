package org.integrationledger.query.sla;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Reads named components of canonical event records, so SLA rules can name fields in configuration. A path
 * such as {@code targets.system} walks lists; a single-value record such as {@code SystemId} reads as its value.
 */
final class EventFields {

    private EventFields() {
    }

    static List<String> values(Object event, String path) {
        List<Object> current = List.of(event);
        for (String name : path.split("\\.")) {
            List<Object> next = new ArrayList<>();
            for (Object value : current) {
                Object component = component(value, name);
                if (component instanceof Collection<?> many) {
                    many.stream().filter(Objects::nonNull).forEach(next::add);
                } else if (component != null) {
                    next.add(component);
                }
            }
            current = next;
        }
        return current.stream().map(EventFields::text).toList();
    }

    static String value(Object event, String path) {
        List<String> values = values(event, path);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The event's business time when it carries one ({@code occurredAt}), else null. */
    static Instant occurredAt(Object event) {
        return component(event, "occurredAt") instanceof Instant instant ? instant : null;
    }

    private static Object component(Object value, String name) {
        if (value == null || !value.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + value.getClass().getName(), e);
                }
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value.getClass().isRecord() && value.getClass().getRecordComponents().length == 1) {
            Object inner = component(value, value.getClass().getRecordComponents()[0].getName());
            return inner == null ? null : text(inner);
        }
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }
}
