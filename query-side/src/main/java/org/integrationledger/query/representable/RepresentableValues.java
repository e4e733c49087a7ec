package org.integrationledger.query.representable;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.supplier.SupplierEvent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a view can store of an event: instants within PostgreSQL's {@code timestamptz}, dates within its {@code date},
 * decimals within its unconstrained {@code numeric}. The view columns are wide enough for every other value the
 * contract accepts (docs/architecture.md, "What a view can hold"); a value outside these ranges cannot be stored
 * honestly (clamped to {@code infinity} it would show a wrong date as if it were right), so the projections and the
 * rebuild ask here first and refuse the event by name, before any SQL is sent.
 */
public final class RepresentableValues {

    /** Julian day 0, PostgreSQL's earliest {@code timestamptz}: 4714-11-24 BC, proleptic Gregorian, UTC. */
    public static final Instant EARLIEST_INSTANT = LocalDate.of(-4713, 11, 24).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** PostgreSQL's latest {@code timestamptz}, to its microsecond. */
    public static final Instant LATEST_INSTANT = Instant.parse("+294276-12-31T23:59:59.999999Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(-4713, 11, 24);
    public static final LocalDate LATEST_DATE = LocalDate.of(5_874_897, 12, 31);
    /** Digits before the decimal point an unconstrained {@code numeric} holds. */
    public static final int MAX_INTEGER_DIGITS = 131_072;
    /** Digits after the decimal point an unconstrained {@code numeric} holds. */
    public static final int MAX_FRACTION_DIGITS = 16_383;

    private static final int SHOWN_VALUE_LENGTH = 80;
    private static final String INSTANT_RANGE = "a view holds instants from " + EARLIEST_INSTANT + " to "
            + LATEST_INSTANT;
    private static final String DATE_RANGE = "a view holds dates from " + EARLIEST_DATE + " to " + LATEST_DATE;
    private static final String DECIMAL_RANGE = "a view holds decimals of up to " + MAX_INTEGER_DIGITS
            + " digits before the point and " + MAX_FRACTION_DIGITS + " after it";

    /** Per type, the record components that can hold a checked value; the rest of an event is not walked. */
    private static final ClassValue<List<Method>> CHECKED_COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (mayHoldCheckedValue(component.getType())) {
                    Method accessor = component.getAccessor();
                    accessor.trySetAccessible();
                    accessors.add(accessor);
                }
            }
            return List.copyOf(accessors);
        }
    };

    private RepresentableValues() {
    }

    /**
     * Checks every instant, date and decimal of the message's payload, and the instant it was recorded at; the
     * document named in a refusal is the aggregate the event belongs to.
     */
    public static void requireRepresentable(EventMessage<?> message) {
        String document = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : message.getIdentifier();
        requireRepresentable(message.getPayload(), message.getTimestamp(), document);
    }

    /**
     * Checks every instant, date and decimal of {@code event} and {@code recordedAt}; the document named in a refusal
     * is the purchase order, invoice or supplier the event belongs to.
     */
    public static void requireRepresentable(Object event, Instant recordedAt) {
        requireRepresentable(event, recordedAt, documentIdOf(event));
    }

    /** Checks every instant, date and decimal of {@code event} and {@code recordedAt}, naming {@code documentId}. */
    public static void requireRepresentable(Object event, Instant recordedAt, String documentId) {
        Accepted last = LAST_ACCEPTED.get();
        if (last.event == event && Objects.equals(last.recordedAt, recordedAt)) {
            return;
        }
        if (recordedAt != null) {
            check(recordedAt, new Path(null, "recordedAt", -1), event, documentId);
        }
        check(event, null, event, documentId);
        last.event = event;
        last.recordedAt = recordedAt;
    }

    /**
     * The event this thread accepted last. A one-pass rebuild hands the same (immutable) payload to every projection
     * in turn, and each asks here first: walking its components once instead of six times was a tenth of the
     * rebuild's applying thread.
     */
    private static final ThreadLocal<Accepted> LAST_ACCEPTED = ThreadLocal.withInitial(Accepted::new);

    private static final class Accepted {
        private Object event;
        private Instant recordedAt;
    }

    /** {@code value}, if a {@code timestamptz} column can hold it. */
    public static Instant instant(Instant value, String field, String documentId) {
        if (value != null && !representable(value)) {
            throw new UnrepresentableValueException(field, value.toString(), documentId, INSTANT_RANGE);
        }
        return value;
    }

    public static boolean representable(Instant value) {
        return !value.isBefore(EARLIEST_INSTANT) && !value.isAfter(LATEST_INSTANT);
    }

    public static boolean representable(LocalDate value) {
        return !value.isBefore(EARLIEST_DATE) && !value.isAfter(LATEST_DATE);
    }

    public static boolean representable(BigDecimal value) {
        // precision - scale, not toPlainString(): 1E+999999999 would be a string of a billion digits.
        long integerDigits = (long) value.precision() - value.scale();
        return integerDigits <= MAX_INTEGER_DIGITS && value.scale() <= MAX_FRACTION_DIGITS;
    }

    private static void check(Object value, Path path, Object event, String documentId) {
        if (value == null) {
            return;
        }
        if (value instanceof Instant instant) {
            if (!representable(instant)) {
                throw refusal(path, instant.toString(), event, documentId, INSTANT_RANGE);
            }
        } else if (value instanceof LocalDate date) {
            if (!representable(date)) {
                throw refusal(path, date.toString(), event, documentId, DATE_RANGE);
            }
        } else if (value instanceof BigDecimal decimal) {
            if (!representable(decimal)) {
                // Writing out a number of a hundred thousand digits would take longer than the rest of the batch.
                String shown = decimal.precision() <= SHOWN_VALUE_LENGTH ? decimal.toString()
                        : "of " + decimal.precision() + " digits at scale " + decimal.scale();
                throw refusal(path, shown, event, documentId, DECIMAL_RANGE);
            }
        } else if (value instanceof Record record) {
            for (Method accessor : CHECKED_COMPONENTS.get(record.getClass())) {
                check(read(accessor, record), new Path(path, accessor.getName(), -1), event, documentId);
            }
        } else if (value instanceof Iterable<?> elements) {
            int index = 0;
            for (Object element : elements) {
                check(element, new Path(path, null, index++), event, documentId);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                check(entry.getValue(), new Path(path, "[" + entry.getKey() + "]", -1), event, documentId);
            }
        } else if (value instanceof Optional<?> optional) {
            check(optional.orElse(null), path, event, documentId);
        } else if (value instanceof Object[] elements) {
            for (int i = 0; i < elements.length; i++) {
                check(elements[i], new Path(path, null, i), event, documentId);
            }
        }
    }

    private static String documentIdOf(Object event) {
        if (event instanceof PurchaseOrderEvent purchaseOrder) {
            return purchaseOrder.purchaseOrderId().value();
        }
        if (event instanceof InvoiceEvent invoice) {
            return invoice.invoiceId().value();
        }
        if (event instanceof SupplierEvent supplier) {
            return supplier.supplierId().value();
        }
        return "no document";
    }

    private static boolean mayHoldCheckedValue(Class<?> type) {
        return !(type.isPrimitive() || type.isEnum() || type == String.class || type == Boolean.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == Character.class || type == Double.class || type == Float.class
                || type == Duration.class || type == UUID.class);
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + accessor + " failed", e.getCause());
        }
    }

    private static UnrepresentableValueException refusal(Path path, String value, Object event, String documentId,
                                                         String range) {
        String shown = value.length() <= SHOWN_VALUE_LENGTH ? value
                : value.substring(0, SHOWN_VALUE_LENGTH) + "... (" + value.length() + " characters)";
        String document = event.getClass().getSimpleName() + " of " + documentId;
        return new UnrepresentableValueException(path == null ? "the event" : path.toString(), shown, document, range);
    }

    /** Where a value sits in the event, built only when a refusal names it. */
    private record Path(Path parent, String name, int index) {
        @Override
        public String toString() {
            String own = name == null ? "[" + index + "]" : name;
            if (parent == null) {
                return own;
            }
            return parent + (own.startsWith("[") ? "" : ".") + own;
        }
    }
}
