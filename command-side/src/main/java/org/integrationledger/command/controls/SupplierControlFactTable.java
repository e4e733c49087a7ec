package org.integrationledger.command.controls;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The supplier facts the controls judge by, kept in {@code control_supplier_standing},
 * {@code control_supplier_bank_account} and {@code control_supplier_acknowledgment}, each row with the stored place
 * of its event (the evidence). Its processor is subscribing, so the facts change in the transaction that appends
 * the supplier's event: an invoice or payment sent after the supplier's command returned always sees them.
 */
@Component
@ProcessingGroup(SupplierControlFactTable.PROCESSING_GROUP)
class SupplierControlFactTable implements SupplierControlFacts {

    static final String PROCESSING_GROUP = "control-supplier-facts";

    private final JdbcTemplate jdbc;

    SupplierControlFactTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Standing> standingAt(SupplierId supplier, Instant at) {
        return jdbc.query("""
                SELECT standing, reason, sequence_number, event_type, occurred_at, recorded_at
                FROM control_supplier_standing WHERE supplier_id = ? AND occurred_at <= ?
                ORDER BY occurred_at DESC, sequence_number DESC LIMIT 1""",
                (rs, row) -> new Standing(SupplierStanding.valueOf(rs.getString("standing")), rs.getString("reason"),
                        evidence(supplier, rs)), supplier.value(), sqlTime(at)).stream().findFirst();
    }

    @Override
    public Optional<BankAccount> bankAccountAt(SupplierId supplier, Instant at) {
        return jdbc.query("""
                SELECT version, masked, fingerprint, changed, owner, sequence_number, event_type, occurred_at,
                    recorded_at
                FROM control_supplier_bank_account WHERE supplier_id = ? AND occurred_at <= ?
                ORDER BY occurred_at DESC, version DESC LIMIT 1""",
                (rs, row) -> new BankAccount(rs.getInt("version"),
                        new ProtectedBankAccount(rs.getString("masked"), rs.getString("fingerprint")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getBoolean("changed"),
                        SystemId.of(rs.getString("owner")), evidence(supplier, rs)),
                supplier.value(), sqlTime(at)).stream().findFirst();
    }

    @Override
    public boolean acknowledged(SupplierId supplier, SystemId system, int version, Instant at) {
        List<Integer> found = jdbc.queryForList("""
                SELECT 1 FROM control_supplier_acknowledgment
                WHERE supplier_id = ? AND system_id = ? AND version >= ? AND occurred_at <= ? LIMIT 1""",
                Integer.class, supplier.value(), system.value(), version, sqlTime(at));
        return !found.isEmpty();
    }

    @EventHandler
    void on(SupplierRequested event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        standing(event.supplierId(), SupplierStanding.NOT_APPROVED, "requested by " + event.requestedBy(), sequence,
                "SupplierRequested", event.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(SupplierRequestApproved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        standing(event.supplierId(), SupplierStanding.APPROVED, "approved by " + event.approvedBy(), sequence,
                "SupplierRequestApproved", event.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(SupplierRequestRejected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        standing(event.supplierId(), SupplierStanding.NOT_APPROVED, "request rejected by " + event.rejectedBy() + ": "
                + event.reason(), sequence, "SupplierRequestRejected", event.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(GoldenRecordCreated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        standing(event.supplierId(), SupplierStanding.APPROVED, "golden record created by " + event.owner(), sequence,
                "GoldenRecordCreated", event.occurredAt(), recordedAt);
        bankAccount(event.supplierId(), event.version(), event.bankAccount(), false, event.owner(), sequence,
                "GoldenRecordCreated", event.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(BankAccountChangeApproved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        bankAccount(event.supplierId(), event.version(), event.newAccount(), true, event.reportingSystem(), sequence,
                "BankAccountChangeApproved", event.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(SupplierBlocked event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        standing(event.supplierId(), SupplierStanding.BLOCKED, event.reason(), sequence, "SupplierBlocked",
                event.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(SupplierUnblocked event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        standing(event.supplierId(), SupplierStanding.APPROVED, event.reason(), sequence, "SupplierUnblocked",
                event.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(SupplierCopyAcknowledged event) {
        acknowledgment(event.supplierId(), event.reportingSystem(), event.version(), event.occurredAt());
    }

    @EventHandler
    void on(StaleSupplierAcknowledgmentRecorded event) {
        acknowledgment(event.supplierId(), event.reportingSystem(), event.version(), event.occurredAt());
    }

    private void standing(SupplierId supplier, SupplierStanding standing, String reason, long sequence,
                          String eventType, Instant occurredAt, Instant recordedAt) {
        jdbc.update("""
                INSERT INTO control_supplier_standing (supplier_id, sequence_number, standing, reason, event_type,
                    occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                supplier.value(), sequence, standing.name(), reason, eventType, sqlTime(occurredAt),
                sqlTime(recordedAt));
    }

    private void bankAccount(SupplierId supplier, int version, ProtectedBankAccount account, boolean changed,
                             SystemId owner, long sequence, String eventType, Instant occurredAt,
                             Instant recordedAt) {
        if (account == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO control_supplier_bank_account (supplier_id, version, masked, fingerprint, changed, owner,
                    sequence_number, event_type, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                supplier.value(), version, account.masked(), account.fingerprint(), changed, owner.value(), sequence,
                eventType,
                sqlTime(occurredAt), sqlTime(recordedAt));
    }

    private void acknowledgment(SupplierId supplier, SystemId system, int version, Instant occurredAt) {
        jdbc.update("""
                INSERT INTO control_supplier_acknowledgment (supplier_id, system_id, version, occurred_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                supplier.value(), system.value(), version, sqlTime(occurredAt));
    }

    private static java.sql.Timestamp sqlTime(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private static ControlEvidence evidence(SupplierId supplier, ResultSet rs) throws SQLException {
        return new ControlEvidence(DocumentKind.SUPPLIER.label(), supplier.value(), rs.getLong("sequence_number"),
                rs.getString("event_type"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
