package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.invoice.MatchBasis;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.LegalEntityId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.command.invoice.InvoiceFixture.*;

/** Goods received after the invoice re-trigger its match; tolerances are per legal entity. */
class MatchingAndLateReceiptTest {

    @Test
    void aLateReceiptTurnsTheQuantityVarianceIntoAMatchAndResolvesTheException() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedShort())
                .when(rematch("GR-2"))
                .expectEvents(matched("GR-2", PROCUREMENT, LATER, matchedLine(bearings("100", "12.50"), "100"),
                                matchedLine(housings("10", "80.00"), "10")),
                        exceptionResolved(1, ExceptionKind.MATCH_VARIANCE, ExceptionResolution.CORRECTED_DATA,
                                "PROCUREMENT", "goods receipt GR-2 completed the match", PROCUREMENT, LATER))
                .expectResultMessagePayload(outcome(4, InvoiceMatched.class, InvoiceExceptionResolved.class));
    }

    @Test
    void aReceiptThatStillFallsShortRecordsTheNewVarianceWithoutASecondException() {
        invoices(order("90", "10"), new FakeClaims())
                .given(receivedShort())
                .when(rematch("GR-2"))
                .expectEvents(new InvoiceMatchVarianceFound(INVOICE, US01, ORDER, List.of(
                        new LineMatch(1, 1, MatchBasis.THREE_WAY, Quantity.of("100", "EA"), Quantity.of("90", "EA"),
                                new BigDecimal("10"), UnitPrice.of("12.50", "USD"), UnitPrice.of("12.50", "USD"),
                                BigDecimal.ZERO, BigDecimal.ZERO,
                                List.of("invoiced 100 EA, received 90 (allowed over: 0)")),
                        matchedLine(housings("10", "80.00"), "10")), usd("125.00"), "GR-2", PROCUREMENT, LATER));
    }

    @Test
    void theSameShortfallAgainRecordsNothing() {
        invoices(order("60", "10"), new FakeClaims())
                .given(receivedShort())
                .when(rematch("GR-2"))
                .expectNoEvents();
    }

    @Test
    void aReceiptForAnAlreadyMatchedInvoiceRecordsNothingSoARepeatedTriggerIsHarmless() {
        invoices(order("100", "10"), new FakeClaims())
                .given(receivedMatched())
                .when(rematch("GR-9"))
                .expectNoEvents();
    }

    @Test
    void anOverriddenVarianceIsNotReopenedOrReMatchedByALaterReceipt() {
        invoices(order("100", "10"), new FakeClaims())
                .given(plus(receivedShort(), exceptionResolved(1, ExceptionKind.MATCH_VARIANCE,
                        ExceptionResolution.OVERRIDE, APPROVER, "ok", PROCUREMENT, LATER)))
                .when(rematch("GR-2"))
                .expectNoEvents();
    }

    @Test
    void toleranceIsTheStricterOfPercentageAndAbsoluteLimitAndPerLegalEntity() {
        MatchingTolerances tolerances = new MatchingTolerances(properties());
        InvoiceProperties.Tolerances us = tolerances.forLegalEntity(US01);
        InvoiceProperties.Tolerances de = tolerances.forLegalEntity(LegalEntityId.of("DE01"));
        InvoiceProperties.Tolerances unlisted = tolerances.forLegalEntity(LegalEntityId.of("BR01"));

        assertThat(MatchingTolerances.allowedDeviation(us.price(), new BigDecimal("12.50")))
                .isEqualByComparingTo("0.0625");
        assertThat(MatchingTolerances.allowedDeviation(us.quantity(), new BigDecimal("100"))).isZero();
        // 2 % of 12.50 is 0.25, but DE01 caps it at 0.10 per unit.
        assertThat(MatchingTolerances.allowedDeviation(de.price(), new BigDecimal("12.50")))
                .isEqualByComparingTo("0.10");
        assertThat(MatchingTolerances.allowedDeviation(de.price(), new BigDecimal("2.00")))
                .isEqualByComparingTo("0.04");
        assertThat(MatchingTolerances.allowedDeviation(de.quantity(), new BigDecimal("100")))
                .isEqualByComparingTo("5");
        assertThat(unlisted).isEqualTo(InvoiceProperties.REFERENCE_TOLERANCES);
        assertThat(MatchingTolerances.allowedDeviation(new InvoiceProperties.Tolerance(null, new BigDecimal("1")),
                new BigDecimal("500"))).isEqualByComparingTo("1");
        assertThat(MatchingTolerances.allowedDeviation(new InvoiceProperties.Tolerance(null, null),
                new BigDecimal("500"))).isZero();
    }

    @Test
    void aNegativeToleranceIsRefusedAtStartup() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new InvoiceProperties.Tolerance(new BigDecimal("-0.5"), null));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new InvoiceProperties.Tolerance(null, new BigDecimal("-1")));
    }
}
