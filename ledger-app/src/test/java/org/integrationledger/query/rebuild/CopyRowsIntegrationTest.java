package org.integrationledger.query.rebuild;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.representable.RepresentableValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * COPY's text format round-trips every value a rebuild writes: texts with the characters COPY treats specially,
 * nulls, decimals, booleans, enums, instants (whatever the session's time zone) and byte arrays (every byte value,
 * including the ones that are COPY's or bytea's escape characters), and a failed COPY leaves the
 * transaction's table as it was.
 */
class CopyRowsIntegrationTest extends LedgerIntegrationTest {

    private static final String COLUMNS = "id, label, amount, flag, at, kind, n, bytes";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    private enum Kind { ERP_NA }

    @Test
    void writesEveryValueAsItWouldBeBound() {
        String awkward = "back\\slash\ttab\nnew line\rreturn \\N not null, ünïcödé €";
        Instant at = Instant.parse("2026-11-02T08:00:00.123456Z");
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        List<Object[]> rows = List.of(
                new Object[]{1, awkward, new BigDecimal("1E+3"), true, Timestamp.from(at), Kind.ERP_NA, 7L, everyByte},
                new Object[]{2, null, null, false, at, null, null, new byte[0]},
                new Object[]{3, "", new BigDecimal("12.3400"), null, null, "plain", Integer.MAX_VALUE, null});
        List<Map<String, Object>> stored = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("CREATE TEMPORARY TABLE copy_rows_test (id int PRIMARY KEY, label varchar(200),"
                    + " amount numeric(19,4), flag boolean, at timestamptz, kind varchar(16), n bigint, bytes bytea)"
                    + " ON COMMIT DROP");
            // A zone far from UTC: the instants must not move with it.
            jdbc.execute("SET LOCAL TIME ZONE 'Pacific/Kiritimati'");
            assertThat(CopyRows.copy(jdbc, "copy_rows_test", COLUMNS, rows)).isEqualTo(3);
            return jdbc.queryForList("SELECT id, label, amount, flag, at, kind, n, bytes FROM copy_rows_test ORDER BY id");
        });
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0).get("label")).isEqualTo(awkward);
        assertThat((BigDecimal) stored.get(0).get("amount")).isEqualByComparingTo("1000");
        assertThat(stored.get(0).get("flag")).isEqualTo(true);
        assertThat(((Timestamp) stored.get(0).get("at")).toInstant()).isEqualTo(at);
        assertThat(stored.get(0).get("kind")).isEqualTo("ERP_NA");
        assertThat(stored.get(0).get("n")).isEqualTo(7L);
        assertThat((byte[]) stored.get(0).get("bytes")).isEqualTo(everyByte);
        assertThat((byte[]) stored.get(1).get("bytes")).isEmpty();
        assertThat(stored.get(2).get("bytes")).isNull();
        assertThat(stored.get(1).get("label")).isNull();
        assertThat(stored.get(1).get("amount")).isNull();
        assertThat(stored.get(1).get("flag")).isEqualTo(false);
        assertThat(((Timestamp) stored.get(1).get("at")).toInstant()).isEqualTo(at);
        assertThat(stored.get(1).get("kind")).isNull();
        assertThat(stored.get(2).get("label")).isEqualTo("");
        assertThat((BigDecimal) stored.get(2).get("amount")).isEqualByComparingTo("12.34");
        assertThat(stored.get(2).get("flag")).isNull();
        assertThat(stored.get(2).get("n")).isEqualTo((long) Integer.MAX_VALUE);
    }

    /** Dates (a balance's business day) go in as the same day, from PostgreSQL's earliest to its latest. */
    @Test
    void writesEveryDateAViewCanHold() {
        List<LocalDate> dates = List.of(RepresentableValues.EARLIEST_DATE, LocalDate.parse("0000-12-31"),
                LocalDate.parse("2026-12-08"), LocalDate.parse("+55840-06-07"), RepresentableValues.LATEST_DATE);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            rows.add(new Object[]{i, dates.get(i)});
        }
        List<Long> stored = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("CREATE TEMPORARY TABLE copy_rows_dates (id int PRIMARY KEY, day date) ON COMMIT DROP");
            assertThat(CopyRows.copy(jdbc, "copy_rows_dates", "id, day", rows)).isEqualTo(dates.size());
            return jdbc.queryForList("SELECT day - DATE '1970-01-01' FROM copy_rows_dates ORDER BY id", Long.class);
        });
        assertThat(stored).containsExactlyElementsOf(dates.stream().map(LocalDate::toEpochDay).toList());
    }

    /**
     * The bounds {@link RepresentableValues} keeps views within are PostgreSQL's own: the extremes go in through COPY
     * as the same moment and number (read back as epoch seconds and text, not through the JDBC driver's calendar), and
     * one microsecond or one digit beyond, PostgreSQL refuses them.
     */
    @Test
    void writesTheExtremesAViewCanHoldAndPostgresqlRefusesTheValuesJustBeyond() {
        List<Instant> instants = List.of(RepresentableValues.EARLIEST_INSTANT, Instant.parse("-0099-01-01T00:00:00Z"),
                Instant.parse("0000-12-31T23:59:59.999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("+55840-01-01T00:00:00Z"), RepresentableValues.LATEST_INSTANT);
        BigDecimal widest = BigDecimal.TEN.pow(RepresentableValues.MAX_INTEGER_DIGITS).subtract(BigDecimal.ONE)
                .add(BigDecimal.ONE.movePointLeft(RepresentableValues.MAX_FRACTION_DIGITS));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            rows.add(new Object[]{i, null, i == 0 ? widest : null, null, instants.get(i), null, null, null});
        }
        List<Map<String, Object>> stored = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("CREATE TEMPORARY TABLE copy_rows_test (id int PRIMARY KEY, label varchar(200),"
                    + " amount numeric, flag boolean, at timestamptz, kind varchar(16), n bigint, bytes bytea)"
                    + " ON COMMIT DROP");
            jdbc.execute("SET LOCAL TIME ZONE 'Pacific/Kiritimati'");
            assertThat(CopyRows.copy(jdbc, "copy_rows_test", COLUMNS, rows)).isEqualTo(instants.size());
            // Days and the time of day apart: extract(epoch) of a whole instant near the end rounds to milliseconds.
            return jdbc.queryForList("SELECT id, (at AT TIME ZONE 'UTC')::date - DATE '1970-01-01' AS days,"
                    + " extract(epoch FROM (at AT TIME ZONE 'UTC')::time) AS seconds, amount::text AS amount"
                    + " FROM copy_rows_test ORDER BY id");
        });
        for (int i = 0; i < instants.size(); i++) {
            Instant instant = instants.get(i);
            BigDecimal seconds = BigDecimal.valueOf(((Number) stored.get(i).get("days")).longValue() * 86_400)
                    .add((BigDecimal) stored.get(i).get("seconds"));
            assertThat(seconds).as(instant.toString()).isEqualByComparingTo(
                    BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)));
        }
        assertThat(new BigDecimal((String) stored.get(0).get("amount"))).isEqualByComparingTo(widest);

        for (Object beyond : List.of(RepresentableValues.EARLIEST_INSTANT.minusNanos(1_000),
                RepresentableValues.LATEST_INSTANT.plusNanos(1_000), widest.add(BigDecimal.ONE),
                BigDecimal.ONE.movePointLeft(RepresentableValues.MAX_FRACTION_DIGITS + 1))) {
            Object[] row = beyond instanceof Instant instant ? new Object[]{1, null, null, null, instant, null, null, null}
                    : new Object[]{1, null, beyond, null, null, null, null, null};
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                status.setRollbackOnly();
                jdbc.execute("CREATE TEMPORARY TABLE copy_rows_test (id int PRIMARY KEY, label varchar(200),"
                        + " amount numeric, flag boolean, at timestamptz, kind varchar(16), n bigint, bytes bytea)"
                        + " ON COMMIT DROP");
                assertThatThrownBy(() -> CopyRows.copy(jdbc, "copy_rows_test", COLUMNS, List.<Object[]>of(row)))
                        .as(String.valueOf(beyond).substring(0, Math.min(40, String.valueOf(beyond).length())))
                        .hasMessageContaining("copy_rows_test");
            });
        }
    }

    @Test
    void aRowTheTableRefusesFailsTheCopyAndWritesNothing() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            rows.add(new Object[]{i % 1_000, "row " + i, null, null, null, null, null, null}); // ids repeat after 1,000
        }
        Long left = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("CREATE TEMPORARY TABLE copy_rows_test (id int PRIMARY KEY, label varchar(200),"
                    + " amount numeric(19,4), flag boolean, at timestamptz, kind varchar(16), n bigint, bytes bytea)"
                    + " ON COMMIT DROP");
            jdbc.execute("SAVEPOINT before_copy");
            assertThatThrownBy(() -> CopyRows.copy(jdbc, "copy_rows_test", COLUMNS, rows))
                    .hasMessageContaining("copy_rows_test");
            jdbc.execute("ROLLBACK TO SAVEPOINT before_copy");
            return jdbc.queryForObject("SELECT count(*) FROM copy_rows_test", Long.class);
        });
        assertThat(left).isZero();
    }
}
