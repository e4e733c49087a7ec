package org.integrationledger.query.controls;

import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.controls.ControlViolation;
import org.integrationledger.model.controls.ControlViolationPage;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.query.paging.CappedTotal;
import org.integrationledger.query.paging.PagingSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The controls report's tables: {@code control_violation} (one row per violation, its evidence as JSON),
 * {@code control_invoice_context} (per invoice, what its violations are described with) and the outbox
 * {@code control_violation_notification}.
 */
@Component
class ControlViolationTable {

    private static final TypeReference<List<ControlEvidence>> EVIDENCE = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PagingSettings paging;
    private final Clock clock = Clock.systemUTC();

    ControlViolationTable(JdbcTemplate jdbc, JsonMapper json, PagingSettings paging) {
        this.jdbc = jdbc;
        this.json = json;
        this.paging = paging;
    }

    /** Criteria of the report; null means any. */
    record Criteria(ControlKind kind, String region, String legalEntity, Instant since) {
    }

    InvoiceContext context(String invoiceId) {
        return jdbc.query("""
                SELECT legal_entity, region, supplier_id, receipt, last_posting, last_payment
                FROM control_invoice_context WHERE invoice_id = ?""",
                (rs, row) -> new InvoiceContext(invoiceId, rs.getString("legal_entity"), rs.getString("region"),
                        rs.getString("supplier_id"), evidence(rs.getString("receipt")),
                        evidence(rs.getString("last_posting")), evidence(rs.getString("last_payment"))),
                invoiceId).stream().findFirst().orElse(InvoiceContext.empty(invoiceId));
    }

    void save(InvoiceContext context) {
        jdbc.update("""
                INSERT INTO control_invoice_context (invoice_id, legal_entity, region, supplier_id, receipt,
                    last_posting, last_payment)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (invoice_id) DO UPDATE SET legal_entity = EXCLUDED.legal_entity,
                    region = EXCLUDED.region, supplier_id = EXCLUDED.supplier_id, receipt = EXCLUDED.receipt,
                    last_posting = EXCLUDED.last_posting, last_payment = EXCLUDED.last_payment""",
                context.invoiceId(), context.legalEntity(), context.region(), context.supplierId(),
                text(context.receipt()), text(context.lastPosting()), text(context.lastPayment()));
    }

    /** Inserts the violation; answers false when it was already there (a redelivered event). */
    boolean insert(ControlViolation v) {
        return jdbc.update("""
                INSERT INTO control_violation (violation_id, kind, invoice_id, payment_reference, supplier_id,
                    legal_entity, region, reporting_system, detail, paid_account, golden_record_account,
                    golden_record_version, not_yet_acknowledged_by, business_time, recorded_at, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                v.violationId(), v.kind().name(), v.invoiceId(), v.paymentReference(), v.supplierId(),
                v.legalEntity(), v.region(), v.reportingSystem(), v.detail(), v.paidAccount(),
                v.goldenRecordAccount(), v.goldenRecordVersion(), v.notYetAcknowledgedBy(),
                Timestamp.from(v.businessTime()), Timestamp.from(v.recordedAt()),
                json.writeValueAsString(v.evidence())) == 1;
    }

    void announce(ControlViolation v) {
        jdbc.update("""
                INSERT INTO control_violation_notification (violation_id, kind, invoice_id, payment_reference,
                    legal_entity, region, business_time, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (violation_id) DO NOTHING""",
                v.violationId(), v.kind().name(), v.invoiceId(), v.paymentReference(), v.legalEntity(), v.region(),
                Timestamp.from(v.businessTime()), Timestamp.from(clock.instant()));
    }

    void deleteAll() {
        jdbc.update("DELETE FROM control_violation");
        jdbc.update("DELETE FROM control_invoice_context");
    }

    ControlViolationPage page(Criteria criteria, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, args);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add((long) page.page() * page.size());
        List<ControlViolation> items = jdbc.query("SELECT * FROM control_violation" + where
                + " ORDER BY business_time DESC, violation_id LIMIT ? OFFSET ?", row(), pageArgs.toArray());
        List<Object> countArgs = new ArrayList<>(args);
        countArgs.add(paging.totalCountLimit() + 1);
        Long counted = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM control_violation" + where
                + " LIMIT ?) capped", Long.class, countArgs.toArray());
        CappedTotal total = CappedTotal.of(counted == null ? 0 : counted, paging.totalCountLimit());
        return new ControlViolationPage(items, page.page(), page.size(), total.total(), total.exact());
    }

    /** Every violation that meets the criteria, for the CSV export. */
    List<ControlViolation> all(Criteria criteria) {
        List<Object> args = new ArrayList<>();
        return jdbc.query("SELECT * FROM control_violation" + where(criteria, args)
                + " ORDER BY business_time DESC, violation_id", row(), args.toArray());
    }

    private static String where(Criteria criteria, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (criteria.kind() != null) {
            conditions.add("kind = ?");
            args.add(criteria.kind().name());
        }
        if (criteria.region() != null) {
            conditions.add("region = ?");
            args.add(criteria.region());
        }
        if (criteria.legalEntity() != null) {
            conditions.add("legal_entity = ?");
            args.add(criteria.legalEntity());
        }
        if (criteria.since() != null) {
            conditions.add("business_time >= ?");
            args.add(Timestamp.from(criteria.since()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private RowMapper<ControlViolation> row() {
        return (rs, row) -> new ControlViolation(rs.getString("violation_id"),
                ControlKind.valueOf(rs.getString("kind")), rs.getString("invoice_id"),
                rs.getString("payment_reference"), rs.getString("supplier_id"), rs.getString("legal_entity"),
                rs.getString("region"), rs.getString("reporting_system"), rs.getString("detail"),
                rs.getString("paid_account"), rs.getString("golden_record_account"),
                (Integer) rs.getObject("golden_record_version"), rs.getString("not_yet_acknowledged_by"),
                rs.getTimestamp("business_time").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                json.readValue(rs.getString("evidence"), EVIDENCE));
    }

    private String text(ControlEvidence evidence) {
        return evidence == null ? null : json.writeValueAsString(evidence);
    }

    private ControlEvidence evidence(String text) {
        return text == null ? null : json.readValue(text, ControlEvidence.class);
    }
}
