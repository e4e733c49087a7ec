package org.integrationledger.model.invoice;

import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shape checks of a received invoice, which no connector can get past. */
class InvoiceCommandsTest {

    private static final InvoiceLine BEARINGS = new InvoiceLine(1, 1, Quantity.of("100", "EA"),
            UnitPrice.of("12.50", "USD"), "S1");
    private static final InvoiceLine HOUSINGS = new InvoiceLine(2, 2, Quantity.of("10", "EA"),
            UnitPrice.of("80.00", "USD"), "S1");

    @Test
    void eachInvoiceLineNumberAppearsOnce() {
        InvoiceLine housingsAsLineOne = new InvoiceLine(1, 2, Quantity.of("10", "EA"), UnitPrice.of("80.00", "USD"),
                "S1");

        assertThatThrownBy(() -> receive(List.of(BEARINGS, housingsAsLineOne), "164.00"))
                .isInstanceOfSatisfying(ContractViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo(ErrorCode.DUPLICATE_LINE_NUMBER);
                    assertThat(violation.pointer()).isEqualTo("/lines/1/lineNumber");
                });
    }

    @Test
    void taxIsNotNegativeAsTheContractHasNoCreditNotes() {
        assertThatThrownBy(() -> receive(List.of(BEARINGS, HOUSINGS), "-164.00"))
                .isInstanceOfSatisfying(ContractViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo(ErrorCode.NUMBER_OUT_OF_RANGE);
                    assertThat(violation.pointer()).isEqualTo("/taxAmount");
                });
        assertThat(receive(List.of(BEARINGS, HOUSINGS), "0.00").tax()).isEqualTo(Money.of("0", "USD"));
    }

    private static ReceiveInvoice receive(List<InvoiceLine> lines, String tax) {
        return new ReceiveInvoice(MessageId.of("msg-1"), SystemId.of("PROCUREMENT"),
                Instant.parse("2026-11-24T09:00:00Z"), InvoiceId.of("INV-1"), SupplierId.of("SUP-1"),
                SupplierInvoiceNumber.of("SI-1"), LocalDate.of(2026, 11, 24), PurchaseOrderId.of("PO-1"), lines,
                Money.of("2050.00", "USD"), Money.of(tax, "USD"), Money.of("2214.00", "USD"), "ap.clerk@example.com");
    }
}
