package org.integrationledger.query.representable;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which values of an event a view can store, and how a value it cannot is refused. */
class RepresentableValuesTest {

    private static final Instant NINE = HostileEvents.NINE;
    private static final Instant YEAR_55840 = HostileEvents.YEAR_55840;
    private static final Instant YEAR_318857 = HostileEvents.YEAR_318857;
    private static final Instant YEAR_MINUS_5000 = HostileEvents.YEAR_MINUS_5000;

    @Test
    void acceptsTheHostileValuesThatPostgresqlCanStill() {
        // given an order of 1,000,000 at 10,000,000,000 (total 10^16), a year of five digits, and 100 BC
        PurchaseOrderIssued huge = issued("1000000", "10000000000", "10000000000000000.00", NINE);
        PurchaseOrderIssued farFuture = issued("1", "1", "1.00", YEAR_55840);
        PurchaseOrderIssued beforeChrist = issued("1", "1", "1.00", Instant.parse("-0099-01-01T00:00:00Z"));

        // when checked, then nothing is refused
        for (PurchaseOrderIssued event : List.of(huge, farFuture, beforeChrist)) {
            assertThatCode(() -> RepresentableValues.requireRepresentable(event, NINE)).doesNotThrowAnyException();
        }
        assertThat(YEAR_55840.toString()).startsWith("+55840-");
    }

    @Test
    void refusesAnInstantAfterPostgresqlsLastYearNamingFieldValueAndDocument() {
        // given an order said to have occurred in the year 318857
        PurchaseOrderIssued event = issued("1", "1", "1.00", YEAR_318857);

        // when checked, then it is refused by name
        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(event, NINE))
                .isInstanceOfSatisfying(UnrepresentableValueException.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("occurredAt");
                    assertThat(refusal.value()).isEqualTo("+318857-01-01T00:00:00Z");
                    assertThat(refusal.document()).isEqualTo("PurchaseOrderIssued of PO-1");
                })
                .hasMessageContaining("PurchaseOrderIssued of PO-1: occurredAt +318857-01-01T00:00:00Z")
                .hasMessageContaining("+294276-12-31T23:59:59.999999Z");
    }

    @Test
    void refusesAnInstantBeforeJulianDayZero() {
        // given an order said to have occurred in 5001 BC
        PurchaseOrderIssued event = issued("1", "1", "1.00", YEAR_MINUS_5000);

        // when checked, then it is refused
        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(event, NINE))
                .isInstanceOf(UnrepresentableValueException.class)
                .hasMessageContaining("occurredAt -5000-01-01T00:00:00Z");
    }

    @Test
    void holdsPostgresqlsFirstAndLastMicrosecondAndNothingBeyond() {
        Instant first = RepresentableValues.EARLIEST_INSTANT;
        Instant last = RepresentableValues.LATEST_INSTANT;

        assertThat(first).isEqualTo(Instant.parse("-4713-11-24T00:00:00Z"));
        assertThat(RepresentableValues.representable(first)).isTrue();
        assertThat(RepresentableValues.representable(last)).isTrue();
        assertThat(RepresentableValues.representable(first.minusNanos(1))).isFalse();
        assertThat(RepresentableValues.representable(last.plusNanos(1))).isFalse();
        assertThat(RepresentableValues.representable(Instant.MAX)).isFalse();
        assertThat(RepresentableValues.representable(Instant.MIN)).isFalse();
    }

    @Test
    void checksTheRecordedInstantToo() {
        PurchaseOrderIssued event = issued("1", "1", "1.00", NINE);

        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(event, YEAR_318857))
                .isInstanceOfSatisfying(UnrepresentableValueException.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("recordedAt"));
    }

    @Test
    void findsADecimalBeyondNumericInsideTheLinesOfAnOrder() {
        // given a line whose unit price has more digits before the point than numeric holds
        String tooWide = "9".repeat(RepresentableValues.MAX_INTEGER_DIGITS + 1);
        PurchaseOrderIssued event = issued("1", tooWide, "1.00", NINE);

        // when checked, then the refusal names the line's price and the size of the value, not its digits
        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(event, NINE))
                .isInstanceOfSatisfying(UnrepresentableValueException.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("lines[0].unitPrice.amount");
                    assertThat(refusal.value()).isEqualTo("of 131073 digits at scale 0");
                });
    }

    @Test
    void holdsNumericsDigitsBeforeAndAfterThePointAndNothingBeyond() {
        BigDecimal widest = BigDecimal.TEN.pow(RepresentableValues.MAX_INTEGER_DIGITS).subtract(BigDecimal.ONE);
        BigDecimal finest = BigDecimal.ONE.movePointLeft(RepresentableValues.MAX_FRACTION_DIGITS);

        assertThat(RepresentableValues.representable(widest)).isTrue();
        assertThat(RepresentableValues.representable(widest.add(BigDecimal.ONE))).isFalse();
        assertThat(RepresentableValues.representable(finest)).isTrue();
        assertThat(RepresentableValues.representable(finest.movePointLeft(1))).isFalse();
        assertThat(RepresentableValues.representable(new BigDecimal("1E+131071"))).isTrue();
        assertThat(RepresentableValues.representable(new BigDecimal("1E+131072"))).isFalse();
    }

    @Test
    void refusesAnAbsurdScaleWithoutWritingTheNumberOut() {
        // given decimals whose plain form would be a billion digits
        Amounts event = new Amounts(List.of(new BigDecimal("1E+999999999"), new BigDecimal("1E-999999999")));

        // when checked, then both are refused at once (no string of a billion digits is built)
        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(event, NINE, "DOC-1"))
                .isInstanceOfSatisfying(UnrepresentableValueException.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("values[0]");
                    assertThat(refusal.value()).isEqualTo("1E+999999999");
                    assertThat(refusal.document()).isEqualTo("Amounts of DOC-1");
                });
        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(
                new Amounts(List.of(BigDecimal.ONE, new BigDecimal("1E-999999999"))), NINE, "DOC-1"))
                .isInstanceOfSatisfying(UnrepresentableValueException.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("values[1]"));
    }

    @Test
    void refusesADateBeyondPostgresqlsDateInAMapOrAnOptional() {
        LocalDate last = RepresentableValues.LATEST_DATE;
        assertThatCode(() -> RepresentableValues.requireRepresentable(
                new Dates(Map.of("due", last), Optional.of(RepresentableValues.EARLIEST_DATE), Duration.ZERO), NINE,
                "INV-1")).doesNotThrowAnyException();

        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(
                new Dates(Map.of("due", last.plusDays(1)), Optional.empty(), Duration.ZERO), NINE, "INV-1"))
                .isInstanceOfSatisfying(UnrepresentableValueException.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("byName[due]"));
        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(
                new Dates(Map.of(), Optional.of(RepresentableValues.EARLIEST_DATE.minusDays(1)), Duration.ZERO), NINE,
                "INV-1"))
                .isInstanceOfSatisfying(UnrepresentableValueException.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("maybe"));
    }

    @Test
    void namesTheAggregateOfAStoredEvent() {
        PurchaseOrderIssued event = issued("1", "1", "1.00", YEAR_318857);
        GenericDomainEventMessage<PurchaseOrderIssued> message =
                new GenericDomainEventMessage<>("PurchaseOrder", "PO-1", 0, event);

        assertThatThrownBy(() -> RepresentableValues.requireRepresentable(message))
                .isInstanceOfSatisfying(UnrepresentableValueException.class,
                        refusal -> assertThat(refusal.document()).isEqualTo("PurchaseOrderIssued of PO-1"));
    }

    @Test
    void refusesADerivedInstantByItsName() {
        assertThat(RepresentableValues.instant(NINE, "dueAt", "PO-1")).isEqualTo(NINE);
        assertThatThrownBy(() -> RepresentableValues.instant(YEAR_318857, "dueAt", "PO-1"))
                .isInstanceOf(UnrepresentableValueException.class)
                .hasMessageStartingWith("PO-1: dueAt +318857-01-01T00:00:00Z");
    }

    private record Amounts(List<BigDecimal> values) {
    }

    private record Dates(Map<String, LocalDate> byName, Optional<LocalDate> maybe, Duration ignored) {
    }

    private static PurchaseOrderIssued issued(String quantity, String unitPrice, String total, Instant occurredAt) {
        return HostileEvents.issued("PO-1", quantity, unitPrice, total, occurredAt);
    }
}
