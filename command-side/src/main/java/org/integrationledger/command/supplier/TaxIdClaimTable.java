package org.integrationledger.command.supplier;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.TaxId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Optional;

/**
 * The set-based duplicate rule, kept in {@code supplier_tax_id_claim} (one row per normalised tax id, primary
 * key on it). Its processor is subscribing, so each claim is written in the transaction that appends the
 * {@link SupplierRequested} event: of two concurrent requests for one tax id, the second waits on the key, sees
 * the first one's committed row and fails, and its event is rolled back with it.
 */
@Component
@ProcessingGroup(TaxIdClaimTable.PROCESSING_GROUP)
class TaxIdClaimTable implements TaxIdClaims {

    static final String PROCESSING_GROUP = "supplier-tax-id-claims";

    private final JdbcTemplate jdbc;

    TaxIdClaimTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SupplierId> holderOf(String normalizedTaxId) {
        return jdbc.queryForList("SELECT supplier_id FROM supplier_tax_id_claim WHERE normalized_tax_id = ?",
                String.class, normalizedTaxId).stream().findFirst().map(SupplierId::of);
    }

    @EventHandler
    void on(SupplierRequested event) {
        for (TaxId taxId : event.taxIds()) {
            // ON CONFLICT waits for a concurrent claim to commit or roll back, and leaves this transaction usable,
            // so the holder can be named (a plain unique violation would abort the transaction first).
            int claimed = jdbc.update("""
                    INSERT INTO supplier_tax_id_claim (normalized_tax_id, supplier_id, claimed_at)
                    VALUES (?, ?, ?) ON CONFLICT (normalized_tax_id) DO NOTHING""",
                    taxId.normalized(), event.supplierId().value(), Timestamp.from(event.occurredAt()));
            if (claimed == 0) {
                SupplierId holder = holderOf(taxId.normalized()).orElseThrow();
                if (!holder.equals(event.supplierId())) {
                    throw TaxIdClaims.duplicate(taxId, holder);
                }
            }
        }
    }

    @EventHandler
    void on(SupplierRequestRejected event) {
        jdbc.update("DELETE FROM supplier_tax_id_claim WHERE supplier_id = ?", event.supplierId().value());
    }
}
