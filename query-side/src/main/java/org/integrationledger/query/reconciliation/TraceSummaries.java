package org.integrationledger.query.reconciliation;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
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

    private TraceSummaries() {
    }

    static String describe(Object event) {
        if (!(event instanceof Record record)) {
            return event.getClass().getSimpleName();
        }
        StringJoiner text = new StringJoiner(", ");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (OWN_COLUMNS.contains(component.getName())) {
                continue;
            }
            Object value = value(component, record);
            if (value == null) {
                continue;
            }
            text.add(component.getName() + "=" + (value instanceof Collection<?> items ? items.size() + " item(s)"
                    : value instanceof Instant instant ? instant.toString() : String.valueOf(value)));
        }
        String summary = text.toString();
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 3) + "...";
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }
}
