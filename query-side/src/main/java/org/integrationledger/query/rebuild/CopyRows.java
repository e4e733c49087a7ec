package org.integrationledger.query.rebuild;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Writes rows into a table with PostgreSQL's {@code COPY ... FROM STDIN}, on the connection of the caller's
 * transaction. A rebuild's switch writes every row of its tables while the live processors stand still; as batched
 * {@code INSERT}s (upserts for the reconciliation tables) that was most of the switch, and COPY is PostgreSQL's
 * bulk path: no statement per row, no conflict check, one stream per table and chunk (docs/audit.md).
 *
 * <p>Values go in COPY's text format: {@code \N} for null, instants in ISO-8601 with their zone (so the session's
 * time zone cannot shift them), decimals in plain notation, booleans as {@code t}/{@code f}, enums by name.
 */
public final class CopyRows {

    private CopyRows() {
    }

    /** Copies {@code rows} (values in the order of {@code columns}) into {@code table}; answers the rows written. */
    public static long copy(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder text = new StringBuilder(rows.size() * 128);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row[i]);
            }
            text.append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
        Long written = jdbc.execute((java.sql.Connection connection) -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                return copy.endCopy();
            } catch (SQLException | RuntimeException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw e;
            }
        });
        return written == null ? 0 : written;
    }

    static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Timestamp timestamp) {
            text.append(timestamp.toInstant());
        } else if (value instanceof Instant instant) {
            text.append(instant);
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else if (value instanceof Enum<?> constant) {
            escape(text, constant.name());
        } else if (value instanceof Number) {
            text.append(value);
        } else if (value instanceof CharSequence || value instanceof Character) {
            escape(text, value.toString());
        } else {
            throw new IllegalArgumentException("no COPY text form for " + value.getClass().getName());
        }
    }

    private static void escape(StringBuilder text, CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
