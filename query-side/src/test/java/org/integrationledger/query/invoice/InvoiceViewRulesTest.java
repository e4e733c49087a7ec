package org.integrationledger.query.invoice;

import org.integrationledger.model.invoice.ConfirmationStatus;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceSummary;
import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.invoice.MatchBasis;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentStatus;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice views' rules, applied to events in memory as the live projection and the rebuild apply them. */
class InvoiceViewRulesTest {

    private static final InvoiceId INVOICE = InvoiceId.of("INV-1");
    private static final LegalEntityId US01 = LegalEntityId.of("US01");
    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-1");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId TREASURY = SystemId.of("TREASURY");
    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    private final InvoiceReplay replay = new InvoiceReplay();

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private void received() {
        replay.apply(new InvoiceReceived(INVOICE, US01, SUPPLIER, SupplierInvoiceNumber.of("A-1"), "A1",
                LocalDate.parse("2026-11-24"), ORDER, SystemId.of("ERP_NA"), "NA", "AP-NA", "US_SALES_USE_TAX",
                List.of(new InvoiceLine(1, 1, Quantity.of("10", "EA"), UnitPrice.of("10.00", "USD"), "S1")),
                usd("100.00"), usd("0.00"), usd("100.00"), "clerk", PROCUREMENT, NINE), NINE);
    }

    private InvoiceSummary summary() {
        return replay.invoices().iterator().next().toSummary();
    }

    @Test
    void keepsTheVariancePerLineAndTheOpenExceptionUntilItIsOverridden() {
        received();
        LineMatch line = new LineMatch(1, 1, MatchBasis.THREE_WAY, Quantity.of("10", "EA"), Quantity.of("7.5", "EA"),
                new BigDecimal("2.5"), UnitPrice.of("10.00", "USD"), UnitPrice.of("10", "USD"), BigDecimal.ZERO,
                BigDecimal.ZERO, List.of("invoiced 10 EA, received 7.5 (allowed over: 0)", "second | problem"));
        replay.apply(new InvoiceMatchVarianceFound(INVOICE, US01, ORDER, List.of(line), usd("25.00"), "INVOICE_RECEIVED",
                PROCUREMENT, NINE), NINE);
        replay.apply(new InvoiceExceptionRaised(INVOICE, US01, 1, ExceptionKind.MATCH_VARIANCE, "NA", "AP-NA", SUPPLIER,
                ORDER, usd("100.00"), usd("25.00"), "line 1", List.of(), PROCUREMENT, NINE), NINE);

        assertThat(summary().matchStatus()).isEqualTo(MatchStatus.VARIANCE);
        assertThat(summary().lineMatches()).containsExactly(line);
        assertThat(summary().openExceptions()).containsExactly(ExceptionKind.MATCH_VARIANCE);
        assertThat(replay.exceptions().iterator().next().toSummary(NINE.plusSeconds(60)).ageSeconds()).isEqualTo(60);

        replay.apply(new InvoiceExceptionResolved(INVOICE, US01, 1, ExceptionKind.MATCH_VARIANCE,
                ExceptionResolution.OVERRIDE, "controller", "agreed", PROCUREMENT, NINE.plusSeconds(600)), NINE);

        assertThat(summary().matchStatus()).isEqualTo(MatchStatus.OVERRIDDEN);
        assertThat(summary().openExceptions()).isEmpty();
        assertThat(replay.exceptions().iterator().next().toSummary(NINE.plusSeconds(9_999)).ageSeconds())
                .as("a resolved exception's age stops at its resolution").isEqualTo(600);
    }

    @Test
    void paymentsAddUpAndARepeatedAcknowledgmentCountsOnce() {
        received();
        replay.apply(new InvoicePaymentScheduled(INVOICE, US01, "P1", usd("60.00"), LocalDate.parse("2026-12-01"),
                TREASURY, NINE, false), NINE);
        assertThat(summary().paymentStatus()).isEqualTo(PaymentStatus.SCHEDULED);
        assertThat(summary().confirmationStatus()).isEqualTo(ConfirmationStatus.NO_PAYMENT);

        replay.apply(new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, "P1", usd("60.00"),
                LocalDate.parse("2026-12-01"), usd("60.00"), usd("100.00"), null, TREASURY, NINE), NINE);
        assertThat(summary().paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        replay.apply(new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, "P2", usd("50.00"),
                LocalDate.parse("2026-12-01"), usd("110.00"), usd("100.00"), null, TREASURY, NINE), NINE);
        replay.apply(new InvoiceOverpaymentFlagged(INVOICE, US01, "P2", usd("110.00"), usd("100.00"), usd("10.00"),
                TREASURY, NINE), NINE);
        assertThat(summary().paymentStatus()).isEqualTo(PaymentStatus.OVERPAID);
        assertThat(summary().amountPaid()).isEqualTo(usd("110.00"));

        PaymentConfirmationAcknowledged ack = new PaymentConfirmationAcknowledged(INVOICE, US01, "P1", NINE,
                PROCUREMENT, NINE.plusSeconds(60));
        replay.apply(ack, NINE);
        replay.apply(ack, NINE);
        assertThat(summary().paymentsAwaitingConfirmation()).isEqualTo(1);
        assertThat(summary().confirmationStatus()).isEqualTo(ConfirmationStatus.AWAITING_ACKNOWLEDGMENT);
        assertThat(summary().eventCount()).isEqualTo(7);
    }
}
