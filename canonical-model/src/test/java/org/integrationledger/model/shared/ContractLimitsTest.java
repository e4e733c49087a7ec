package org.integrationledger.model.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The contract's limits on numbers, times and lines, each refused with its code and the field at fault. */
class ContractLimitsTest {

    @Test
    void acceptsPlainDecimalsWithinTheLimits() {
        assertThat(ContractLimits.decimal("1250.50", "/totalAmount", 13, 4)).isEqualByComparingTo("1250.5");
        assertThat(ContractLimits.decimal("9999999999999.999", "/q", 13, 3)).isEqualByComparingTo("9999999999999.999");
        assertThat(ContractLimits.decimal("-0.5", "/x", 13, 4)).isEqualByComparingTo("-0.5");
        // trailing zeros are not decimals: 2.5000 is 2.5
        assertThat(ContractLimits.decimal("2.5000000", "/q", 13, 3)).isEqualByComparingTo("2.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e20", "1E+2", "1.5e1", " 100.00", "100.00 ", "+100", "1,5", "0x10", "007", ".5", "5.",
            "", "-", "NaN", "Infinity", "1_000"})
    void refusesWhatIsNotAPlainDecimal(String text) {
        assertViolation(() -> ContractLimits.decimal(text, "/lines/0/quantity", 13, 3), ErrorCode.INVALID_NUMBER,
                "/lines/0/quantity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000000000", "100000000000000000000", "1.0001", "0.0000001",
            "123456789012345678901234567890123456789012345678901234567890"})
    void refusesMoreDigitsThanEveryTableHolds(String text) {
        assertViolation(() -> ContractLimits.decimal(text, "/lines/0/quantity", 13, 3), ErrorCode.NUMBER_OUT_OF_RANGE,
                "/lines/0/quantity");
    }

    @Test
    void refusesAHugeExponentAtOnceAndWithoutEchoingIt() {
        String hostile = "1" + "0".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertViolation(() -> ContractLimits.decimal("1e1000000", "/q", 13, 3), ErrorCode.INVALID_NUMBER, "/q");
            Throwable refused = assertViolation(() -> ContractLimits.decimal(hostile, "/totalAmount", 13, 4),
                    ErrorCode.NUMBER_OUT_OF_RANGE, "/totalAmount");
            assertThat(refused.getMessage()).hasSizeLessThan(200);
        });
    }

    @Test
    void echoesAtMostAFewDozenCharactersOfAClientsText() {
        assertThat(ContractLimits.echo("x".repeat(10_000))).hasSize(43);
        assertThat(Checks.echo(new BigDecimal("1e1000000"))).isEqualTo("1E+1000000");
        assertThat(Checks.echo(new BigDecimal("12.50"))).isEqualTo("12.50");
    }

    @Test
    void acceptsIsoBusinessTimesInsideTheWindow() {
        assertThat(ContractLimits.businessTime("2026-11-23T09:00:00Z", "/occurredAt"))
                .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(ContractLimits.businessTime("2026-11-23T10:00:00+01:00", "/occurredAt"))
                .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(ContractLimits.businessTime("1970-01-01T00:00:00Z", "/occurredAt"))
                .isEqualTo(ContractLimits.EARLIEST_BUSINESS_TIME);
        assertThat(ContractLimits.businessDate("2199-12-31", "/invoiceDate")).isEqualTo(LocalDate.of(2199, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1765000000", "1700000000000", "2026-11-23", "2026-11-23T09:00:00", "+55840-11-08T22:13:20Z",
            "-0099-03-01T12:00:00Z", " 2026-11-23T09:00:00Z", "2026-13-23T09:00:00Z", "yesterday"})
    void refusesTimesThatAreNotIsoText(String text) {
        assertViolation(() -> ContractLimits.businessTime(text, "/occurredAt"), ErrorCode.INVALID_TIME, "/occurredAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void refusesTimesOutsideTheWindow(String text) {
        assertViolation(() -> ContractLimits.businessTime(text, "/occurredAt"), ErrorCode.TIME_OUT_OF_RANGE,
                "/occurredAt");
    }

    @Test
    void refusesDatesThatAreNotIsoTextOrOutsideTheWindow() {
        assertViolation(() -> ContractLimits.businessDate("20261124", "/invoiceDate"), ErrorCode.INVALID_TIME,
                "/invoiceDate");
        assertViolation(() -> ContractLimits.businessDate("2026-02-30", "/invoiceDate"), ErrorCode.INVALID_TIME,
                "/invoiceDate");
        assertViolation(() -> ContractLimits.businessDate("1969-12-31", "/invoiceDate"), ErrorCode.TIME_OUT_OF_RANGE,
                "/invoiceDate");
        assertViolation(() -> ContractLimits.businessDate("2200-01-01", "/dueDate"), ErrorCode.TIME_OUT_OF_RANGE,
                "/dueDate");
    }

    @Test
    void refusesALineNumberThatAppearsTwiceNamingTheSecond() {
        Throwable refused = assertViolation(() -> ContractLimits.lines(List.of(1, 2, 1), "/lines", Integer::intValue),
                ErrorCode.DUPLICATE_LINE_NUMBER, "/lines/2/lineNumber");
        assertThat(refused).hasMessageContaining("line number 1 appears twice");
    }

    @Test
    void refusesMoreLinesThanTheLimit() {
        List<Integer> lines = java.util.stream.IntStream.rangeClosed(1, ContractLimits.MAX_LINES + 1).boxed().toList();
        assertViolation(() -> ContractLimits.lines(lines, "/lines", Integer::intValue), ErrorCode.LIMIT_EXCEEDED,
                "/lines");
        ContractLimits.lines(lines.subList(0, ContractLimits.MAX_LINES), "/lines", Integer::intValue);
    }

    @Test
    void refusesANegativeAmountWhereTheContractHasNoCredits() {
        assertViolation(() -> ContractLimits.notNegative(Money.of("-1.00", "USD"), "/taxAmount"),
                ErrorCode.NUMBER_OUT_OF_RANGE, "/taxAmount");
        assertThat(ContractLimits.notNegative(Money.of("0", "USD"), "/taxAmount")).isEqualTo(Money.of("0", "USD"));
    }

    private static Throwable assertViolation(Runnable check, ErrorCode code, String pointer) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ContractViolation.class, violation -> {
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.pointer()).isEqualTo(pointer);
            thrown[0] = violation;
        });
        return thrown[0];
    }
}
