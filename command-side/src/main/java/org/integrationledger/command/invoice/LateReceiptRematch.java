package org.integrationledger.command.invoice;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.RematchInvoice;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.SystemId;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Goods that arrive after an invoice (or an amendment of its order) re-trigger its match: each invoice billed
 * against the order is asked to match again. The invoice records something only when its variance turns into a match, so a trigger delivered
 * twice (a retried batch, a reset token) changes nothing; replays send nothing at all.
 */
@Component
@ProcessingGroup(LateReceiptRematch.PROCESSING_GROUP)
class LateReceiptRematch {

    static final String PROCESSING_GROUP = "invoice-rematch";

    private final InvoiceNumberClaims invoices;
    private final CommandGateway commands;

    LateReceiptRematch(InvoiceNumberClaims invoices, CommandGateway commands) {
        this.invoices = invoices;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(GoodsReceived event) {
        rematch(event.purchaseOrderId(), event.receiptNumber(), "goods receipt " + event.receiptNumber(),
                event.reportingSystem(), event.occurredAt());
    }

    /** New prices or quantities on the order can settle (or change) a variance just as a receipt can. */
    @EventHandler
    @DisallowReplay
    void on(PurchaseOrderAmended event) {
        rematch(event.purchaseOrderId(), "AMENDMENT-" + event.version(), "amendment " + event.version()
                + " of purchase order " + event.purchaseOrderId(), event.reportingSystem(), event.occurredAt());
    }

    private void rematch(PurchaseOrderId order, String trigger, String cause, SystemId system, Instant occurredAt) {
        for (InvoiceId invoice : invoices.referencing(order)) {
            commands.sendAndWait(new RematchInvoice(invoice, trigger, cause, system, occurredAt));
        }
    }
}
