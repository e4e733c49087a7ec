package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.invoice.MatchBasis;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.invoice.ReceiveInvoice;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.integrationledger.command.invoice.InvoiceFixture.*;

/** An invoice is received once, consistent with itself and its order, matched at once, duplicates caught. */
class ReceivingInvoiceTest {

    @Test
    void aCleanInvoiceOfFullyReceivedGoodsIsRecordedAndMatched() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectEvents(receivedMatched().toArray())
                .expectResultMessagePayload(outcome(1, InvoiceReceived.class, InvoiceMatched.class));
    }

    @Test
    void invoicingMoreThanWasReceivedRaisesAMatchVarianceWithTheVariancePerLine() {
        invoices(order("60", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectEvents(receivedShort().toArray())
                .expectResultMessagePayload(outcome(2, InvoiceReceived.class, InvoiceMatchVarianceFound.class,
                        InvoiceExceptionRaised.class));
    }

    @Test
    void aPriceWithinHalfAPercentMatches() {
        // 12.56 is 0.48 % above 12.50.
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(List.of(bearings("100", "12.56"), housings("10", "80.00")), "2056.00", "0", "2056.00"))
                .expectResultMessagePayload(outcome(1, InvoiceReceived.class, InvoiceMatched.class));
    }

    @Test
    void aPriceBeyondHalfAPercentIsAVariance() {
        // 12.57 is 0.56 % above 12.50; the variance is 100 x 0.07.
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(List.of(bearings("100", "12.57"), housings("10", "80.00")), "2057.00", "0", "2057.00"))
                .expectEvents(received(List.of(bearings("100", "12.57"), housings("10", "80.00")), "2057.00", "0",
                                "2057.00"),
                        new InvoiceMatchVarianceFound(INVOICE, US01, ORDER,
                                List.of(new LineMatch(1, 1, MatchBasis.THREE_WAY, Quantity.of("100", "EA"),
                                                Quantity.of("100", "EA"), BigDecimal.ZERO,
                                                UnitPrice.of("12.57", "USD"), UnitPrice.of("12.50", "USD"),
                                                new BigDecimal("0.07"), new BigDecimal("0.56"),
                                                List.of("unit price 12.57, ordered at 12.5 (0.56 %, allowed ±0.0625)")),
                                        matchedLine(housings("10", "80.00"), "10")),
                                usd("7.00"), Invoice.ON_RECEIPT, PROCUREMENT, RECEIVED_AT),
                        new InvoiceExceptionRaised(INVOICE, US01, 1, ExceptionKind.MATCH_VARIANCE, "NA", "AP-NA",
                                SUPPLIER, ORDER, usd("2057.00"), usd("7.00"),
                                "line 1: unit price 12.57, ordered at 12.5 (0.56 %, allowed ±0.0625)", List.of(), PROCUREMENT,
                                RECEIVED_AT));
    }

    @Test
    void goodsAnotherInvoiceAlreadyBilledAreNotMatchedASecondTime() {
        invoices(order("100", "10").billed(1, "30"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(List.of(bearings("80", "12.50")), "1000.00", "0", "1000.00"))
                .expectEvents(received(List.of(bearings("80", "12.50")), "1000.00", "0", "1000.00"),
                        new InvoiceMatchVarianceFound(INVOICE, US01, ORDER, List.of(new LineMatch(1, 1,
                                MatchBasis.THREE_WAY, Quantity.of("80", "EA"), Quantity.of("70", "EA"),
                                new BigDecimal("10"), UnitPrice.of("12.50", "USD"), UnitPrice.of("12.50", "USD"),
                                BigDecimal.ZERO, BigDecimal.ZERO,
                                List.of("invoiced 80 EA, received 100 of which 30 already invoiced (allowed over: 0)"))),
                                usd("125.00"), Invoice.ON_RECEIPT, PROCUREMENT, RECEIVED_AT),
                        new InvoiceExceptionRaised(INVOICE, US01, 1, ExceptionKind.MATCH_VARIANCE, "NA", "AP-NA",
                                SUPPLIER, ORDER, usd("1000.00"), usd("125.00"), "line 1: invoiced 80 EA, received 100 "
                                + "of which 30 already invoiced (allowed over: 0)", List.of(), PROCUREMENT, RECEIVED_AT));
    }

    @Test
    void twoLinesOfOneInvoiceOnOneOrderLineAddUp() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(List.of(bearings("60", "12.50"), new org.integrationledger.model.invoice.InvoiceLine(2,
                        1, Quantity.of("50", "EA"), UnitPrice.of("12.50", "USD"), "S1")), "1375.00", "0", "1375.00"))
                .expectResultMessagePayload(outcome(2, InvoiceReceived.class, InvoiceMatchVarianceFound.class,
                        InvoiceExceptionRaised.class));
    }

    @Test
    void aServiceLineIsMatchedTwoWayAgainstTheOrderedQuantityWithoutAReceipt() {
        invoices(order("0", "0"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(List.of(installation("8")), "760.00", "0", "760.00"))
                .expectResultMessagePayload(outcome(1, InvoiceReceived.class, InvoiceMatched.class));
    }

    @Test
    void billingMoreServiceHoursThanOrderedIsAVariance() {
        invoices(order("0", "0"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(List.of(installation("9")), "855.00", "0", "855.00"))
                .expectResultMessagePayload(outcome(2, InvoiceReceived.class, InvoiceMatchVarianceFound.class,
                        InvoiceExceptionRaised.class));
    }

    @Test
    void aLineBillingAnUnknownOrderLineIsAVariance() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(List.of(new org.integrationledger.model.invoice.InvoiceLine(1, 9,
                        Quantity.of("1", "EA"), UnitPrice.of("10.00", "USD"), "S1")), "10.00", "0", "10.00"))
                .expectResultMessagePayload(outcome(2, InvoiceReceived.class, InvoiceMatchVarianceFound.class,
                        InvoiceExceptionRaised.class));
    }

    @Test
    void rejectsAnInvoiceWhoseLinesDoNotAddUpToNet() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(standardLines(), "2000.00", "164.00", "2164.00"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.TOTAL_MISMATCH));
    }

    @Test
    void rejectsAnInvoiceWhoseNetPlusTaxIsNotGross() {
        invoices(order("100", "10"), new FakeClaims())
                .givenNoPriorActivity()
                .when(receive(standardLines(), "2050.00", "164.00", "2215.00"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.TOTAL_MISMATCH));
    }

    @Test
    void rejectsAnInvoiceForAnOrderTheLedgerDoesNotKnow() {
        invoices(new FakeOrders(), new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.INVOICE_PURCHASE_ORDER_UNKNOWN));
    }

    @Test
    void rejectsTheSameInvoiceIdTwice() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(receiveStandard())
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.INVOICE_ALREADY_RECEIVED));
    }

    @Test
    void rejectsTheSupplierNumberWrittenDifferentlyAsADuplicateNamingTheOriginal() {
        invoices(order("100", "10"), new FakeClaims().with("INV-0", "inv 42", LocalDate.parse("2026-10-01"), "1.00"))
                .givenNoPriorActivity()
                .when(receive("INV-0042", INVOICE_DATE, standardLines(), "2050.00", "164.00", "2214.00"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.DUPLICATE_INVOICE))
                .expectExceptionMessage(containsString("already received as invoice INV-0 (number inv 42)"));
    }

    @Test
    void sameSupplierAndGrossWithinTheWindowUnderAnotherNumberIsASuspectedDuplicate() {
        invoices(order("100", "10"), new FakeClaims().with("INV-0", "A-77", INVOICE_DATE.minusDays(7), "2214.00"))
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectEvents(plus(receivedMatched(), exceptionRaised(1, ExceptionKind.DUPLICATE_SUSPICION, null,
                        "same supplier, gross 2214.00 USD and invoice date within the suspicion window as invoice "
                                + "INV-0 (number A-77, dated 2026-11-17)", List.of(InvoiceId.of("INV-0")), PROCUREMENT,
                        RECEIVED_AT)).toArray());
    }

    @Test
    void sameGrossOutsideTheWindowIsNotSuspected() {
        invoices(order("100", "10"), new FakeClaims().with("INV-0", "A-77", INVOICE_DATE.minusDays(8), "2214.00"))
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectEvents(receivedMatched().toArray());
    }

    @Test
    void theInvoiceNumberIsNormalisedForCaseSpacesPunctuationAndLeadingZeros() {
        org.assertj.core.api.Assertions.assertThat(SupplierInvoiceNumber.of(" inv-0042/a ").normalized())
                .isEqualTo(SupplierInvoiceNumber.of("INV 42 A").normalized())
                .isEqualTo("INV42A");
        org.assertj.core.api.Assertions.assertThat(SupplierInvoiceNumber.of("2026-001").normalized())
                .isEqualTo("20261");
        org.assertj.core.api.Assertions.assertThat(SupplierInvoiceNumber.of("100").normalized()).isEqualTo("100");
    }

    @Test
    void refusesAnInvoiceInACurrencyItsLegalEntityDoesNotBookIn() {
        // An order in USD for DE01 (which books in EUR), recorded before the legal entity's currency was enforced.
        FakeOrders orders = new FakeOrders();
        order("100", "10").find(ORDER).map(order -> new PurchaseOrderFacts.Order(
                order.purchaseOrderId(), order.supplier(), org.integrationledger.model.shared.LegalEntityId.of("DE01"),
                order.currency(), order.lines())).ifPresent(orders::put);

        invoices(orders, new FakeClaims())
                .givenNoPriorActivity()
                .when(receiveStandard())
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.CURRENCY_NOT_ALLOWED_FOR_LEGAL_ENTITY))
                .expectExceptionMessage(containsString("legal entity DE01 books in EUR, not USD"));
    }
}
