package org.integrationledger.query.rebuild;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written forms of {@link CopyRows} (instants, bytea, UTF-8) say what the library forms say. */
class CopyRowsTest {

    @Test
    void writesEveryInstantAsTheSameMomentInUtc() {
        SplittableRandom random = new SplittableRandom(42);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1),
                    i % 3 == 0 ? 0 : i % 3 == 1 ? random.nextInt(1_000_000) * 1_000L : random.nextInt(1_000_000_000));
            assertThat(Instant.parse(CopyRows.text(instant))).as(instant.toString()).isEqualTo(instant);
        }
    }

    @Test
    void writesTheCalendarFieldsPadded() {
        assertThat(CopyRows.text(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(CopyRows.text(Instant.parse("0099-12-31T23:59:59.000001Z")))
                .isEqualTo("0099-12-31T23:59:59.000001000Z");
        assertThat(CopyRows.text(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void writesYearsBeyond9999AndBeforeChristInPostgresqlsOwnForm() {
        assertThat(CopyRows.text(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("10000-01-01 00:00:00+00");
        assertThat(CopyRows.text(Instant.parse("+55840-06-07T08:09:10.5Z")))
                .isEqualTo("55840-06-07 08:09:10.500000000+00");
        // ISO year 0 is 1 BC, -99 is 100 BC.
        assertThat(CopyRows.text(Instant.parse("0000-12-31T23:59:59Z"))).isEqualTo("0001-12-31 23:59:59+00 BC");
        assertThat(CopyRows.text(Instant.parse("-0099-01-01T00:00:00Z"))).isEqualTo("0100-01-01 00:00:00+00 BC");
        assertThat(CopyRows.text(Instant.parse("-4713-11-24T00:00:00Z"))).isEqualTo("4714-11-24 00:00:00+00 BC");
    }

    @Test
    void writesDatesAsPostgresqlReadsThem() {
        assertThat(CopyRows.text(LocalDate.parse("2026-12-08"))).isEqualTo("2026-12-08");
        assertThat(CopyRows.text(LocalDate.parse("+55840-06-07"))).isEqualTo("55840-06-07");
        assertThat(CopyRows.text(LocalDate.parse("0000-12-31"))).isEqualTo("0001-12-31 BC");
    }

    @Test
    void writesBytesInByteaHexFormEscapedForCopy() {
        assertThat(CopyRows.text(new byte[]{0, 15, 16, (byte) 0xAB, (byte) 0xFF})).isEqualTo("\\\\x000f10abff");
    }

    @Test
    void writesTextInUtf8WithCopysSpecialCharactersEscaped() {
        assertThat(CopyRows.text("a\\b\tc\nd\re ünï € \uD83D\uDE00 \uD800 end"))
                .isEqualTo("a\\\\b\\tc\\nd\\re ünï € \uD83D\uDE00 ? end");
    }
}
