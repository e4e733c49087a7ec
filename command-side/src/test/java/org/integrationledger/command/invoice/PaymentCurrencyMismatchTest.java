package org.integrationledger.command.invoice;

import org.integrationledger.command.controls.FakeSuppliers;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.RecordPaymentConfirmationDelivery;
import org.integrationledger.model.invoice.RecordPaymentExecution;
import org.integrationledger.model.invoice.ScheduleInvoicePayment;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.integrationledger.command.invoice.InvoiceFixture.*;

/**
 * A payment in another currency than its invoice (USD): treasury's fact is recorded with its own amount, flagged
 * PAYMENT_CURRENCY_MISMATCH, and left out of the invoice's total paid and its overpayment control (no exchange rate).
 */
class PaymentCurrencyMismatchTest {

    private static final LocalDate VALUE_DATE = LocalDate.parse("2026-12-24");

    private static RecordPaymentExecution inEuro(String reference, String amount, Instant at) {
        return new RecordPaymentExecution(newMessageId(), TREASURY, at, INVOICE, reference, Money.of(amount, "EUR"),
                VALUE_DATE, SUPPLIER_ACCOUNT);
    }

    private static InvoicePaymentExecuted executedInEuro(String reference, String amount, Money totalPaid,
                                                         ProtectedBankAccount beneficiary, Instant at) {
        return new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, reference, Money.of(amount, "EUR"), VALUE_DATE,
                totalPaid, usd("2214.00"), beneficiary, TREASURY, at);
    }

    private static InvoiceControlViolated currencyMismatch(String reference, String amount, Instant at) {
        return new InvoiceControlViolated(INVOICE, US01, SUPPLIER, ControlKind.PAYMENT_CURRENCY_MISMATCH, reference,
                null, null, null, null, "TREASURY paid " + amount + " EUR as payment " + reference
                + " of an invoice of 2214.00 USD: not added to its total paid (no exchange rate)", List.of(), TREASURY,
                at);
    }

    @Test
    void aPaymentInAnotherCurrencyIsRecordedFlaggedAndNotAddedToTheTotalPaid() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "1000.00", "1000.00")))
                .when(inEuro("PAY-2", "900.00", MUCH_LATER))
                .expectEvents(executedInEuro("PAY-2", "900.00", usd("1000.00"), SUPPLIER_ACCOUNT, MUCH_LATER),
                        currencyMismatch("PAY-2", "900.00", MUCH_LATER))
                .expectResultMessagePayload(outcome(4, InvoicePaymentExecuted.class, InvoiceControlViolated.class));
    }

    @Test
    void theFirstPaymentOfAnInvoiceMayBeTheOneInAnotherCurrency() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(inEuro("PAY-1", "2214.00", MUCH_LATER))
                .expectEvents(executedInEuro("PAY-1", "2214.00", Money.zero(usd("0").currency()), SUPPLIER_ACCOUNT,
                                MUCH_LATER),
                        currencyMismatch("PAY-1", "2214.00", MUCH_LATER));
    }

    @Test
    void aPaymentInAnotherCurrencyAboveTheGrossIsNoOverpaymentAndTheNextInTheInvoicesCurrencyCountsAlone() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "2000.00", "2000.00")))
                .when(inEuro("PAY-2", "5000.00", MUCH_LATER))
                .expectEvents(executedInEuro("PAY-2", "5000.00", usd("2000.00"), SUPPLIER_ACCOUNT, MUCH_LATER),
                        currencyMismatch("PAY-2", "5000.00", MUCH_LATER));
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(), paymentExecuted("PAY-1", "2000.00", "2000.00"),
                        executedInEuro("PAY-2", "5000.00", usd("2000.00"), SUPPLIER_ACCOUNT, MUCH_LATER),
                        currencyMismatch("PAY-2", "5000.00", MUCH_LATER)))
                .when(payment("PAY-3", "300.00"))
                .expectEvents(paymentExecuted("PAY-3", "300.00", "2300.00"),
                        new InvoiceOverpaymentFlagged(INVOICE, US01, "PAY-3", usd("2300.00"), usd("2214.00"),
                                usd("86.00"), TREASURY, MUCH_LATER));
    }

    @Test
    void aRetriedExecutionOfThePaymentInAnotherCurrencyRecordsNothingMore() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedMatched(),
                        executedInEuro("PAY-1", "900.00", Money.zero(usd("0").currency()), SUPPLIER_ACCOUNT,
                                MUCH_LATER),
                        currencyMismatch("PAY-1", "900.00", MUCH_LATER)))
                .when(inEuro("PAY-1", "900.00", MUCH_LATER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PAYMENT_ALREADY_RECORDED));
    }

    @Test
    void itsConfirmationIsDeliveredAndAcknowledgedLikeAnyPayment() {
        List<Object> paidInEuro = plus(receivedMatched(),
                executedInEuro("PAY-1", "900.00", Money.zero(usd("0").currency()), SUPPLIER_ACCOUNT, MUCH_LATER),
                currencyMismatch("PAY-1", "900.00", MUCH_LATER));
        invoices(order("100", "10"), new FakeClaims())
                .given(paidInEuro)
                .when(new RecordPaymentConfirmationDelivery(newMessageId(), TREASURY, MUCH_LATER.plusSeconds(60),
                        INVOICE, "PAY-1"))
                .expectEvents(new PaymentConfirmationDelivered(INVOICE, US01, "PAY-1", MUCH_LATER, TREASURY,
                        MUCH_LATER.plusSeconds(60), false));
        invoices(order("100", "10"), new FakeClaims())
                .given(paidInEuro)
                .when(confirmation("PAY-1"))
                .expectEvents(new PaymentConfirmationAcknowledged(INVOICE, US01, "PAY-1", MUCH_LATER, PROCUREMENT,
                        MUCH_LATER.plusSeconds(300)));
    }

    @Test
    void theOtherPaymentControlsStillJudgeAPaymentInAnotherCurrency() {
        ProtectedBankAccount unknown = account("9999", 'c');
        Instant createdAt = MUCH_LATER.minusSeconds(86_400 * 90L);
        invoices(order("100", "10"), new FakeClaims(), new FakeSuppliers()
                        .bankAccount(SUPPLIER, 1, SUPPLIER_ACCOUNT, createdAt))
                .given(receivedMatched())
                .when(new RecordPaymentExecution(newMessageId(), TREASURY, MUCH_LATER, INVOICE, "PAY-1",
                        Money.of("900.00", "EUR"), VALUE_DATE, unknown))
                .expectEvents(executedInEuro("PAY-1", "900.00", Money.zero(usd("0").currency()), unknown, MUCH_LATER),
                        currencyMismatch("PAY-1", "900.00", MUCH_LATER),
                        new InvoiceControlViolated(INVOICE, US01, SUPPLIER, ControlKind.PAYMENT_TO_OTHER_ACCOUNT,
                                "PAY-1", unknown, SUPPLIER_ACCOUNT, 1, null, "paid to ****9999, but the golden"
                                + " record's account in force (version 1, created " + createdAt + ") is ****3000",
                                List.of(FakeSuppliers.evidence(SUPPLIER, 0, "GoldenRecordCreated", createdAt)),
                                TREASURY, MUCH_LATER));
    }

    @Test
    void aPaymentOfAnInvoiceKnownOnlyFromItsErpIsRefusedAsUnknownNotForItsCurrency() {
        invoices(order("100", "10"), new FakeClaims())
                .given(new InvoicePostedInErp(INVOICE, null, "5100000001", "2026-11", ERP_NA, LATER))
                .when(inEuro("PAY-1", "900.00", MUCH_LATER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.INVOICE_NOT_FOUND));
    }

    @Test
    void aScheduleInAnotherCurrencyStaysRefused() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(new ScheduleInvoicePayment(newMessageId(), TREASURY, LATER, INVOICE, "PAY-1",
                        Money.of("10.00", "EUR"), VALUE_DATE))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.CURRENCY_MISMATCH));
    }
}
