package org.integrationledger.command.invoice;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The purchase-order facts invoices are matched against, kept in {@code invoice_po_fact},
 * {@code invoice_po_line_fact} and {@code invoice_po_line_billing} (what each invoice billed per order line). Its processor is subscribing, so the facts change in the transaction that
 * appends the order's event: an invoice sent after the order's command returned always sees them.
 */
@Component
@ProcessingGroup(PurchaseOrderFactTable.PROCESSING_GROUP)
class PurchaseOrderFactTable implements PurchaseOrderFacts {

    static final String PROCESSING_GROUP = "invoice-purchase-order-facts";

    private final JdbcTemplate jdbc;

    PurchaseOrderFactTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Order> find(PurchaseOrderId purchaseOrderId) {
        List<Order> orders = jdbc.query("""
                SELECT supplier_id, legal_entity, currency FROM invoice_po_fact WHERE purchase_order_id = ?""",
                (rs, row) -> new Order(purchaseOrderId, SupplierId.of(rs.getString("supplier_id")),
                        LegalEntityId.of(rs.getString("legal_entity")), CurrencyCode.of(rs.getString("currency")),
                        Map.of()), purchaseOrderId.value());
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        Order order = orders.get(0);
        Map<Integer, Line> lines = new HashMap<>();
        jdbc.query("""
                SELECT line_number, quantity, unit_of_measure, unit_price, receipt_required, received_quantity
                FROM invoice_po_line_fact WHERE purchase_order_id = ?""", rs -> {
            String unit = rs.getString("unit_of_measure");
            lines.put(rs.getInt("line_number"), new Line(rs.getInt("line_number"),
                    new Quantity(rs.getBigDecimal("quantity"), unit),
                    new UnitPrice(rs.getBigDecimal("unit_price"), order.currency()),
                    rs.getBoolean("receipt_required"), new Quantity(rs.getBigDecimal("received_quantity"), unit)));
        }, purchaseOrderId.value());
        return Optional.of(new Order(purchaseOrderId, order.supplier(), order.legalEntity(), order.currency(), lines));
    }

    @Override
    public Map<Integer, BigDecimal> billedElsewhere(PurchaseOrderId purchaseOrderId, InvoiceId excluding) {
        Map<Integer, BigDecimal> billed = new HashMap<>();
        // Only quantities in the line's own unit count; another unit is a variance of its invoice anyway.
        jdbc.query("""
                SELECT b.line_number, sum(b.quantity) AS billed FROM invoice_po_line_billing b
                JOIN invoice_po_line_fact f ON f.purchase_order_id = b.purchase_order_id
                    AND f.line_number = b.line_number AND f.unit_of_measure = b.unit_of_measure
                WHERE b.purchase_order_id = ? AND b.invoice_id <> ?
                GROUP BY b.line_number""",
                rs -> {
                    billed.put(rs.getInt("line_number"), rs.getBigDecimal("billed"));
                }, purchaseOrderId.value(), excluding.value());
        return billed;
    }

    /** An invoice bills its lines' quantities on the order in the transaction that records it. */
    @EventHandler
    void on(InvoiceReceived event) {
        for (InvoiceLine line : event.lines()) {
            jdbc.update("""
                    INSERT INTO invoice_po_line_billing (invoice_id, invoice_line, purchase_order_id, line_number,
                        quantity, unit_of_measure)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    event.invoiceId().value(), line.lineNumber(), event.purchaseOrderId().value(),
                    line.purchaseOrderLine(), line.quantity().value(), line.quantity().unitOfMeasure());
        }
    }

    @EventHandler
    void on(PurchaseOrderIssued event) {
        jdbc.update("""
                INSERT INTO invoice_po_fact (purchase_order_id, supplier_id, legal_entity, currency)
                VALUES (?, ?, ?, ?) ON CONFLICT (purchase_order_id) DO NOTHING""",
                event.purchaseOrderId().value(), event.supplier().value(), event.legalEntity().value(),
                event.total().currency().value());
        replaceLines(event.purchaseOrderId(), event.lines());
    }

    @EventHandler
    void on(PurchaseOrderAmended event) {
        replaceLines(event.purchaseOrderId(), event.lines());
    }

    @EventHandler
    void on(GoodsReceived event) {
        for (ReceiptLine line : event.lines()) {
            int onOrder = jdbc.update("""
                    UPDATE invoice_po_line_fact SET received_quantity = received_quantity + ?
                    WHERE purchase_order_id = ? AND line_number = ?""",
                    line.quantity().value(), event.purchaseOrderId().value(), line.lineNumber());
            if (onOrder == 0) {
                // Goods on a line the order does not have: kept until an amendment orders that line.
                jdbc.update("""
                        INSERT INTO invoice_po_unordered_receipt (purchase_order_id, line_number, unit_of_measure,
                            received_quantity) VALUES (?, ?, ?, ?)
                        ON CONFLICT (purchase_order_id, line_number) DO UPDATE
                            SET received_quantity = invoice_po_unordered_receipt.received_quantity
                                + EXCLUDED.received_quantity""",
                        event.purchaseOrderId().value(), line.lineNumber(), line.quantity().unitOfMeasure(),
                        line.quantity().value());
            }
        }
    }

    private void replaceLines(PurchaseOrderId purchaseOrderId, List<PurchaseOrderLine> lines) {
        Integer[] numbers = lines.stream().map(PurchaseOrderLine::lineNumber).toArray(Integer[]::new);
        // A line the amendment drops keeps its receipts aside (the goods did arrive), should a later version order
        // it again; received quantities of the lines it keeps survive the amendment.
        jdbc.update("""
                INSERT INTO invoice_po_unordered_receipt (purchase_order_id, line_number, unit_of_measure,
                    received_quantity)
                SELECT purchase_order_id, line_number, unit_of_measure, received_quantity FROM invoice_po_line_fact
                WHERE purchase_order_id = ? AND NOT (line_number = ANY (?)) AND received_quantity > 0
                ON CONFLICT (purchase_order_id, line_number) DO UPDATE
                    SET received_quantity = invoice_po_unordered_receipt.received_quantity
                        + EXCLUDED.received_quantity""", purchaseOrderId.value(), numbers);
        jdbc.update("DELETE FROM invoice_po_line_fact WHERE purchase_order_id = ? AND NOT (line_number = ANY (?))",
                purchaseOrderId.value(), numbers);
        for (PurchaseOrderLine line : lines) {
            UnitPrice price = line.unitPrice();
            jdbc.update("""
                    INSERT INTO invoice_po_line_fact (purchase_order_id, line_number, quantity, unit_of_measure,
                        unit_price, receipt_required, received_quantity)
                    VALUES (?, ?, ?, ?, ?, ?, COALESCE((SELECT received_quantity FROM invoice_po_unordered_receipt
                        WHERE purchase_order_id = ? AND line_number = ?), 0))
                    ON CONFLICT (purchase_order_id, line_number) DO UPDATE SET quantity = EXCLUDED.quantity,
                        unit_of_measure = EXCLUDED.unit_of_measure, unit_price = EXCLUDED.unit_price,
                        receipt_required = EXCLUDED.receipt_required""",
                    purchaseOrderId.value(), line.lineNumber(), line.quantity().value(),
                    line.quantity().unitOfMeasure(), price.amount(), line.goodsReceiptRequired(),
                    purchaseOrderId.value(), line.lineNumber());
        }
        jdbc.update("DELETE FROM invoice_po_unordered_receipt WHERE purchase_order_id = ? AND line_number = ANY (?)",
                purchaseOrderId.value(), numbers);
    }
}
