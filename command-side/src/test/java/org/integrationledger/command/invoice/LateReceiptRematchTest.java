package org.integrationledger.command.invoice;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.RematchInvoice;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.command.invoice.InvoiceFixture.*;

/** Changes of a purchase order ask every invoice billed against it (from the claim lookup) to match again. */
class LateReceiptRematchTest {

    private final List<Object> sent = new ArrayList<>();
    private final LateReceiptRematch rematch;

    LateReceiptRematchTest() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(RematchInvoice.class.getName(), command -> {
            sent.add(command.getPayload());
            return null;
        });
        FakeClaims claims = new FakeClaims()
                .with("INV-1", "A-1", LocalDate.parse("2026-11-24"), "10.00")
                .with("INV-2", "A-2", LocalDate.parse("2026-11-24"), "20.00");
        rematch = new LateReceiptRematch(claims, DefaultCommandGateway.builder().commandBus(bus).build());
    }

    @Test
    void aGoodsReceiptAsksEachInvoiceOfTheOrderToMatchAgain() {
        rematch.on(new GoodsReceived(ORDER, "GR-7", List.of(new ReceiptLine(1, Quantity.of("40", "EA"))), true,
                PROCUREMENT, LATER));

        assertThat(sent).containsExactly(
                new RematchInvoice(InvoiceId.of("INV-1"), "GR-7", "goods receipt GR-7", PROCUREMENT, LATER),
                new RematchInvoice(InvoiceId.of("INV-2"), "GR-7", "goods receipt GR-7", PROCUREMENT, LATER));
    }

    @Test
    void anAmendmentAsksThemToMatchAgainNamingTheVersion() {
        rematch.on(new PurchaseOrderAmended(PurchaseOrderId.of("PO-4711"), 2, List.of(), usd("0.00"), usd("0.00"),
                "price change", false, PROCUREMENT, LATER));

        assertThat(sent).hasSize(2).first().isEqualTo(new RematchInvoice(InvoiceId.of("INV-1"), "AMENDMENT-2",
                "amendment 2 of purchase order PO-4711", PROCUREMENT, LATER));
    }
}
