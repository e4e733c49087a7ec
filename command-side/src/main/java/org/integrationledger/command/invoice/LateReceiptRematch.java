package org.integrationledger.command.invoice;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.RematchInvoice;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.springframework.stereotype.Component;

/**
 * Goods that arrive after an invoice re-trigger its match: each invoice billed against the order is asked to
 * match again. The invoice records something only when its variance turns into a match, so a trigger delivered
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
        for (InvoiceId invoice : invoices.referencing(event.purchaseOrderId())) {
            commands.sendAndWait(new RematchInvoice(invoice, event.receiptNumber(), event.reportingSystem(),
                    event.occurredAt()));
        }
    }
}
