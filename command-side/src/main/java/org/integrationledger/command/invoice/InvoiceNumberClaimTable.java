package org.integrationledger.command.invoice;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

/**
 * The set-based duplicate-invoice rule, kept in {@code invoice_number_claim} (primary key: supplier and
 * normalised number). Its processor is subscribing, so the claim is written in the transaction that appends
 * {@link InvoiceReceived}: of two concurrent submissions of one number, the second waits on the key, sees the
 * first one's committed row and fails, and its events roll back with it (the same design as supplier tax ids).
 */
@Component
@ProcessingGroup(InvoiceNumberClaimTable.PROCESSING_GROUP)
class InvoiceNumberClaimTable implements InvoiceNumberClaims {

    static final String PROCESSING_GROUP = "invoice-number-claims";

    private static final RowMapper<ClaimedInvoice> CLAIM = (rs, row) -> new ClaimedInvoice(
            InvoiceId.of(rs.getString("invoice_id")), rs.getString("supplier_invoice_number"),
            rs.getDate("invoice_date").toLocalDate(),
            new Money(rs.getBigDecimal("gross_amount"), CurrencyCode.of(rs.getString("currency"))));

    private final JdbcTemplate jdbc;

    InvoiceNumberClaimTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ClaimedInvoice> holderOf(SupplierId supplier, String normalizedNumber) {
        return jdbc.query("""
                SELECT invoice_id, supplier_invoice_number, invoice_date, gross_amount, currency
                FROM invoice_number_claim WHERE supplier_id = ? AND normalized_number = ?""",
                CLAIM, supplier.value(), normalizedNumber).stream().findFirst();
    }

    @Override
    public List<ClaimedInvoice> withSameGross(SupplierId supplier, Money gross) {
        return jdbc.query("""
                SELECT invoice_id, supplier_invoice_number, invoice_date, gross_amount, currency
                FROM invoice_number_claim WHERE supplier_id = ? AND gross_amount = ? AND currency = ?
                ORDER BY invoice_date, invoice_id LIMIT 50""",
                CLAIM, supplier.value(), gross.amount(), gross.currency().value());
    }

    @Override
    public List<InvoiceId> referencing(PurchaseOrderId purchaseOrderId) {
        return jdbc.queryForList("SELECT invoice_id FROM invoice_number_claim WHERE purchase_order_id = ? "
                + "ORDER BY invoice_id", String.class, purchaseOrderId.value()).stream().map(InvoiceId::of).toList();
    }

    @EventHandler
    void on(InvoiceReceived event) {
        // ON CONFLICT waits for a concurrent claim to commit or roll back and leaves this transaction usable, so
        // the original can be named (a plain unique violation would abort the transaction first).
        int claimed = jdbc.update("""
                INSERT INTO invoice_number_claim (supplier_id, normalized_number, invoice_id, supplier_invoice_number,
                    invoice_date, gross_amount, currency, purchase_order_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (supplier_id, normalized_number) DO NOTHING""",
                event.supplier().value(), event.normalizedInvoiceNumber(), event.invoiceId().value(),
                event.supplierInvoiceNumber().value(), Date.valueOf(event.invoiceDate()), event.gross().amount(),
                event.gross().currency().value(), event.purchaseOrderId().value());
        if (claimed == 0) {
            ClaimedInvoice holder = holderOf(event.supplier(), event.normalizedInvoiceNumber()).orElseThrow();
            if (!holder.invoiceId().equals(event.invoiceId())) {
                throw InvoiceNumberClaims.duplicate(event.supplier(), event.supplierInvoiceNumber().value(), holder);
            }
        }
    }
}
