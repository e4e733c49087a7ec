package org.integrationledger.query.rebuild;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Writes rows into a table with PostgreSQL's {@code COPY ... FROM STDIN}, on the connection of the caller's
 * transaction. A rebuild's switch writes every row of its tables while the live processors stand still; as batched
 * {@code INSERT}s (upserts for the reconciliation tables) that was most of the switch, and COPY is PostgreSQL's
 * bulk path: no statement per row, no conflict check, one stream per table and chunk (docs/audit.md).
 *
 * <p>Values go in COPY's text format: {@code \N} for null, instants in UTC with the zone written out (so the
 * session's time zone cannot shift them; years 1-9999 in ISO-8601, others in PostgreSQL's own form), dates as
 * {@code yyyy-mm-dd} (other years as for instants), decimals in
 * plain notation, booleans as {@code t}/{@code f}, enums by name, byte arrays in bytea's hex form. They are encoded straight into UTF-8 bytes, in a buffer each thread keeps: a rebuild
 * copies a row per event, and building a string first (grown, copied into a {@code String}, encoded again) was
 * most of what the rebuild's applying thread allocated.
 */
public final class CopyRows {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** A thread's buffer is kept for its next chunk unless a chunk grew it beyond this. */
    private static final int KEPT_BUFFER_BYTES = 8 << 20;
    private static final ThreadLocal<Text> BUFFERS = ThreadLocal.withInitial(Text::new);

    private CopyRows() {
    }

    /** Copies {@code rows} (values in the order of {@code columns}) into {@code table}; answers the rows written. */
    public static long copy(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Text text = BUFFERS.get();
        text.length = 0;
        try {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.ascii('\t');
                    }
                    append(text, row[i]);
                }
                text.ascii('\n');
            }
            String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
            Long written = jdbc.execute((java.sql.Connection connection) -> {
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
                try {
                    copy.writeToCopy(text.bytes, 0, text.length);
                    return copy.endCopy();
                } catch (SQLException | RuntimeException e) {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                    throw e;
                }
            });
            return written == null ? 0 : written;
        } finally {
            if (text.bytes.length > KEPT_BUFFER_BYTES) {
                BUFFERS.remove();
            }
        }
    }

    /** One value in COPY's text form, as {@link #copy} writes it. */
    static String text(Object value) {
        Text text = new Text();
        append(text, value);
        return new String(text.bytes, 0, text.length, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void append(Text text, Object value) {
        if (value == null) {
            text.ascii("\\N");
        } else if (value instanceof Timestamp timestamp) {
            appendInstant(text, timestamp.toInstant());
        } else if (value instanceof Instant instant) {
            appendInstant(text, instant);
        } else if (value instanceof OffsetDateTime dateTime) {
            appendInstant(text, dateTime.toInstant());
        } else if (value instanceof LocalDate date) {
            appendDate(text, date);
        } else if (value instanceof BigDecimal decimal) {
            text.ascii(decimal.toPlainString());
        } else if (value instanceof Boolean bool) {
            text.ascii(bool ? 't' : 'f');
        } else if (value instanceof Enum<?> constant) {
            text.escaped(constant.name());
        } else if (value instanceof byte[] bytes) {
            // bytea's hex input form, its backslash escaped for COPY's text format
            text.ascii("\\\\x");
            text.ensure(bytes.length * 2);
            for (byte b : bytes) {
                text.bytes[text.length++] = HEX[(b >> 4) & 0xF];
                text.bytes[text.length++] = HEX[b & 0xF];
            }
        } else if (value instanceof Number) {
            text.ascii(value.toString());
        } else if (value instanceof CharSequence || value instanceof Character) {
            text.escaped(value.toString());
        } else {
            throw new IllegalArgumentException("no COPY text form for " + value.getClass().getName());
        }
    }

    /**
     * The instant in UTC as {@code 2026-11-02T08:00:00.123456789Z}, the moment {@link Instant#toString} gives (PostgreSQL
     * rounds the nanoseconds to its microseconds either way), written field by field: a rebuild writes two or three
     * instants per event, and {@code Instant.toString}'s formatter was a fifth of the rebuild thread's samples. Years
     * outside 1-9999 go in PostgreSQL's own form ({@link #appendWideYear}).
     */
    private static void appendInstant(Text text, Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            appendWideYear(text, utc);
            return;
        }
        text.digits(utc.getYear(), 4).ascii('-');
        appendRest(text, utc, 'T');
        text.ascii('Z');
    }

    /** The date as {@code 2026-11-02}; a year beyond 9999 or before 1 as {@link #appendWideYear} writes it. */
    private static void appendDate(Text text, LocalDate date) {
        int year = date.getYear() > 0 ? date.getYear() : 1 - date.getYear();
        text.digits(year, Math.max(4, String.valueOf(year).length())).ascii('-');
        text.digits(date.getMonthValue(), 2).ascii('-');
        text.digits(date.getDayOfMonth(), 2);
        if (date.getYear() < 1) {
            text.ascii(" BC");
        }
    }

    /**
     * A year beyond 9999 or before 1 as PostgreSQL's text input reads it: {@code 55840-01-01 00:00:00+00} and
     * {@code 0100-01-01 00:00:00+00 BC} (ISO year 0 is 1 BC). ISO-8601's {@code +55840-01-01T00:00:00Z} and
     * {@code -0099-...} are not: PostgreSQL takes the sign for a zone displacement and refuses the row.
     */
    private static void appendWideYear(Text text, LocalDateTime utc) {
        int year = utc.getYear() > 0 ? utc.getYear() : 1 - utc.getYear();
        text.digits(year, Math.max(4, String.valueOf(year).length())).ascii('-');
        appendRest(text, utc, ' ');
        text.ascii("+00");
        if (utc.getYear() < 1) {
            text.ascii(" BC");
        }
    }

    private static void appendRest(Text text, LocalDateTime utc, char timeSeparator) {
        text.digits(utc.getMonthValue(), 2).ascii('-');
        text.digits(utc.getDayOfMonth(), 2).ascii(timeSeparator);
        text.digits(utc.getHour(), 2).ascii(':');
        text.digits(utc.getMinute(), 2).ascii(':');
        text.digits(utc.getSecond(), 2);
        if (utc.getNano() != 0) {
            text.ascii('.').digits(utc.getNano(), 9);
        }
    }

    /** A growable UTF-8 byte buffer. */
    private static final class Text {

        private byte[] bytes = new byte[64 << 10];
        private int length;

        void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        Text ascii(char c) {
            ensure(1);
            bytes[length++] = (byte) c;
            return this;
        }

        Text ascii(String value) {
            ensure(value.length());
            for (int i = 0; i < value.length(); i++) {
                bytes[length++] = (byte) value.charAt(i);
            }
            return this;
        }

        /** {@code value} in {@code width} decimal digits, zero-padded; {@code value} is not negative. */
        Text digits(int value, int width) {
            ensure(width);
            for (int i = width - 1; i >= 0; i--) {
                bytes[length + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
            return this;
        }

        /** Text with COPY's special characters escaped, in UTF-8. */
        void escaped(String value) {
            ensure(value.length() * 2);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> utf8("\\\\");
                    case '\t' -> utf8("\\t");
                    case '\n' -> utf8("\\n");
                    case '\r' -> utf8("\\r");
                    default -> {
                        if (c < 0x80) {
                            ensure(1);
                            bytes[length++] = (byte) c;
                        } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                                && Character.isLowSurrogate(value.charAt(i + 1))) {
                            utf8(value.substring(i, i + 2));
                            i++;
                        } else {
                            utf8(String.valueOf(c));
                        }
                    }
                }
            }
        }

        private void utf8(String value) {
            byte[] encoded = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, bytes, length, encoded.length);
            length += encoded.length;
        }
    }
}
