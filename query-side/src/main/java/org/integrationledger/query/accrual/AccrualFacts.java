package org.integrationledger.query.accrual;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code accrual_fact} table: an order's facts for the fold, new facts, and the facts of a report's open lines. */
@Repository
class AccrualFacts {

    private static final String COLUMNS = "event_id, ordinal, purchase_order_id, line_number, kind, legal_entity, "
            + "supplier_id, currency, routed_to, source_system, quantity, unit_of_measure, amount, fact_currency, "
            + "unit_price, order_version, invoice_id, reference, goods_receipt_required, occurred_at, recorded_at";

    private static final RowMapper<AccrualFact> ROW = (rs, n) -> new AccrualFact(rs.getString("event_id"),
            rs.getInt("ordinal"), rs.getString("purchase_order_id"), rs.getInt("line_number"),
            FactKind.valueOf(rs.getString("kind")), rs.getString("legal_entity"), rs.getString("supplier_id"),
            rs.getString("currency"), rs.getString("routed_to"), rs.getString("source_system"),
            rs.getBigDecimal("quantity"), rs.getString("unit_of_measure"), rs.getBigDecimal("amount"),
            rs.getString("fact_currency"), rs.getBigDecimal("unit_price"), rs.getInt("order_version"),
            rs.getString("invoice_id"), rs.getString("reference"), rs.getBoolean("goods_receipt_required"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant());

    private final JdbcTemplate jdbc;

    AccrualFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    OrderFacts load(String purchaseOrderId) {
        return OrderFacts.of(purchaseOrderId, jdbc.query("SELECT " + COLUMNS + " FROM accrual_fact "
                + "WHERE purchase_order_id = ? ORDER BY recorded_at, event_id, ordinal", ROW, purchaseOrderId));
    }

    Optional<String> purchaseOrderOf(String invoiceId) {
        return jdbc.queryForList("SELECT purchase_order_id FROM accrual_fact WHERE invoice_id = ? LIMIT 1",
                String.class, invoiceId).stream().findFirst();
    }

    /** Writes new facts; a fact already written (an event delivered again) is left as it is. */
    void insert(List<AccrualFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO accrual_fact (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (event_id, ordinal) DO NOTHING", facts, facts.size(), (ps, f) -> {
                    ps.setString(1, f.eventId());
                    ps.setInt(2, f.ordinal());
                    ps.setString(3, f.purchaseOrderId());
                    ps.setInt(4, f.lineNumber());
                    ps.setString(5, f.kind().name());
                    ps.setString(6, f.legalEntity());
                    ps.setString(7, f.supplierId());
                    ps.setString(8, f.currency());
                    ps.setString(9, f.routedTo());
                    ps.setString(10, f.sourceSystem());
                    ps.setBigDecimal(11, f.quantity());
                    ps.setString(12, f.unitOfMeasure());
                    ps.setBigDecimal(13, f.amount());
                    ps.setString(14, f.factCurrency());
                    ps.setBigDecimal(15, f.unitPrice());
                    ps.setInt(16, f.orderVersion());
                    ps.setString(17, f.invoiceId());
                    ps.setString(18, f.reference());
                    ps.setBoolean(19, f.goodsReceiptRequired());
                    ps.setTimestamp(20, Timestamp.from(f.occurredAt()));
                    ps.setTimestamp(21, Timestamp.from(f.recordedAt()));
                });
    }

    void deleteAll() {
        jdbc.update("DELETE FROM accrual_fact");
    }

    /**
     * The facts inside the criteria of the lines that are open under them (received and invoiced quantities
     * differ), found by one aggregate over the period's rows rather than by replaying history.
     */
    List<AccrualFact> openLineFacts(AccrualCriteria criteria) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, args);
        return jdbc.query("WITH inside AS (SELECT * FROM accrual_fact WHERE " + where + "), "
                + "open_lines AS (SELECT purchase_order_id, line_number FROM inside "
                + "GROUP BY purchase_order_id, line_number HAVING bool_and(goods_receipt_required) "
                + "AND coalesce(sum(quantity) FILTER (WHERE kind = 'RECEIVED'), 0) "
                + "<> coalesce(sum(quantity) FILTER (WHERE kind = 'INVOICED'), 0)) "
                + "SELECT " + COLUMNS.replaceAll("(\\w+)", "f.$1") + " FROM inside f "
                + "JOIN open_lines o ON o.purchase_order_id = f.purchase_order_id AND o.line_number = f.line_number "
                + "ORDER BY f.purchase_order_id, f.line_number, f.recorded_at, f.event_id, f.ordinal",
                ROW, args.toArray());
    }

    private static String where(AccrualCriteria criteria, List<Object> args) {
        StringBuilder where = new StringBuilder("occurred_at < ? AND recorded_at <= ?");
        args.add(Timestamp.from(criteria.periodEndsAt()));
        args.add(Timestamp.from(criteria.knownAt()));
        if (criteria.legalEntity() != null) {
            where.append(" AND legal_entity = ?");
            args.add(criteria.legalEntity());
        }
        if (criteria.currency() != null) {
            where.append(" AND currency = ?");
            args.add(criteria.currency());
        }
        if (criteria.supplierId() != null) {
            where.append(" AND supplier_id = ?");
            args.add(criteria.supplierId());
        }
        return where.toString();
    }
}
