package org.integrationledger.query.accrual;

import org.integrationledger.model.accrual.AccrualGroup;
import org.integrationledger.model.accrual.AccrualLine;
import org.integrationledger.model.accrual.AccrualReport;
import org.integrationledger.model.accrual.AccrualSide;
import org.integrationledger.model.accrual.LineVariance;
import org.integrationledger.model.accrual.VarianceReason;
import org.integrationledger.model.accrual.VarianceReport;
import org.integrationledger.model.accrual.VarianceTotal;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.integrationledger.query.accrual.AccrualFixture.PROCUREMENT;
import static org.integrationledger.query.accrual.AccrualFixture.at;
import static org.integrationledger.query.accrual.AccrualFixture.line;
import static org.integrationledger.query.accrual.AccrualFixture.service;

class AccrualFoldTest {

    private static final Instant DEC_01 = at("2026-12-01T09:00:00Z");
    private static final Instant DEC_10 = at("2026-12-10T09:00:00Z");
    private static final Instant DEC_20 = at("2026-12-20T09:00:00Z");
    private static final Instant CLOSE = at("2026-12-31T23:59:59Z");
    private static final Instant LATER = at("2027-01-05T12:00:00Z");

    private final AccrualFixture given = new AccrualFixture();

    @Test
    void partialReceiptAheadOfAPartialInvoiceIsReceivedNotInvoiced() {
        given.issued("PO-1", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "12.50", "EUR"));
        given.received("PO-1", "GR-1", 1, "6", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-1", "GR-1", DEC_10, DEC_10);
        given.invoiced("PO-1", "INV-1", "DE01", 1, "4", "EA", "12.50", "EUR", DEC_20, DEC_20);

        AccrualReport report = given.report("2026-12-31", CLOSE);

        AccrualGroup group = report.groups().get(0);
        assertThat(group.legalEntity().value()).isEqualTo("DE01");
        assertThat(group.receivedNotInvoiced()).isEqualTo(Money.of("25.00", "EUR"));
        assertThat(group.invoicedNotReceived()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(group.receivedNotInvoicedLines()).isEqualTo(1);
        AccrualLine line = report.lines().get(0);
        assertThat(line.side()).isEqualTo(AccrualSide.RECEIVED_NOT_INVOICED);
        assertThat(line.orderedQuantity()).isEqualByComparingTo("10");
        assertThat(line.receivedQuantity()).isEqualByComparingTo("6");
        assertThat(line.invoicedQuantity()).isEqualByComparingTo("4");
        assertThat(line.receivedAmount()).isEqualTo(Money.of("75.00", "EUR"));
        assertThat(line.invoicedAmount()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(line.receivedFrom()).extracting(Object::toString).containsExactly("PROCUREMENT");
        assertThat(line.variances()).isEmpty();
    }

    @Test
    void partialInvoicesOnOneLineAddUp() {
        given.issued("PO-20", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-20", "GR-1", 1, "9", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.invoiced("PO-20", "INV-20A", "DE01", 1, "3", "EA", "10", "EUR", DEC_10, DEC_10);
        given.invoiced("PO-20", "INV-20B", "DE01", 1, "2", "EA", "10.10", "EUR", DEC_20, DEC_20);

        AccrualLine line = given.report("2026-12-31", CLOSE).lines().get(0);

        assertThat(line.invoicedQuantity()).isEqualByComparingTo("5");
        assertThat(line.invoicedAmount()).isEqualTo(Money.of("50.20", "EUR"));
        assertThat(line.openAmount()).isEqualTo(Money.of("39.80", "EUR"));
        // As of 15 December only the first invoice counts.
        assertThat(given.report("2026-12-15", CLOSE).lines().get(0).invoicedQuantity())
                .isEqualByComparingTo("3");
    }

    @Test
    void aQuantityReductionByAmendmentLowersTheOrderedQuantityAndAmount() {
        given.issued("PO-21", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-21", "GR-1", 1, "4", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.amended("PO-21", 2, DEC_20, DEC_20, line(1, "6", "EA", "10", "EUR"));

        AccrualLine line = given.report("2026-12-31", CLOSE).lines().get(0);
        AccrualLine before = given.report("2026-12-15", CLOSE).lines().get(0);

        assertThat(line.orderedQuantity()).isEqualByComparingTo("6");
        assertThat(line.orderedAmount()).isEqualTo(Money.of("60.00", "EUR"));
        assertThat(line.orderVersion()).isEqualTo(2);
        assertThat(before.orderedQuantity()).isEqualByComparingTo("10");
        assertThat(before.orderVersion()).isEqualTo(1);
    }

    @Test
    void invoiceAheadOfItsGoodsIsInvoicedNotReceived() {
        given.issued("PO-2", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-2", "GR-1", 1, "2", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.invoiced("PO-2", "INV-2", "DE01", 1, "5", "EA", "10", "EUR", DEC_20, DEC_20);

        AccrualReport report = given.report("2026-12-31", CLOSE);
        AccrualGroup group = report.groups().get(0);

        assertThat(report.lines()).singleElement().satisfies(line -> {
            assertThat(line.side()).isEqualTo(AccrualSide.INVOICED_NOT_RECEIVED);
            assertThat(line.openAmount()).isEqualTo(Money.of("-30.00", "EUR"));
        });
        assertThat(group.invoicedNotReceived()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(group.receivedNotInvoiced()).isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void aLineReceivedAndInvoicedInFullIsNotOpen() {
        given.issued("PO-3", "DE01", DEC_01, DEC_01, line(1, "3", "EA", "10", "EUR"));
        given.received("PO-3", "GR-1", 1, "3", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.invoiced("PO-3", "INV-3", "DE01", 1, "3", "EA", "10", "EUR", DEC_20, DEC_20);

        assertThat(given.report("2026-12-31", CLOSE).groups()).isEmpty();
    }

    @Test
    void factsAfterThePeriodEndInBusinessTimeAreNotInThePeriod() {
        given.issued("PO-4", "DE01", DEC_01, DEC_01, line(1, "3", "EA", "10", "EUR"));
        given.received("PO-4", "GR-1", 1, "3", "EA", PROCUREMENT, at("2027-01-01T00:00:00Z"),
                at("2027-01-01T00:00:01Z"));

        assertThat(given.report("2026-12-31", LATER).groups()).isEmpty();
        assertThat(given.report("2027-01-31", LATER).groups()).hasSize(1);
    }

    @Test
    void receiptsAreValuedAtThePriceInForceWhenTheyArrivedAndAnAmendmentIsAnErpVarianceWhileTheErpHoldsTheOldVersion() {
        given.issued("PO-5", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.postedInErp("PO-5", 1, DEC_01, DEC_01);
        given.received("PO-5", "GR-1", 1, "4", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-5", "GR-1", DEC_10, DEC_10);
        given.amended("PO-5", 2, at("2026-12-15T09:00:00Z"), at("2026-12-15T09:00:00Z"),
                line(1, "10", "EA", "11", "EUR"));
        given.received("PO-5", "GR-2", 1, "3", "EA", PROCUREMENT, DEC_20, DEC_20);
        given.receiptPostedInErp("PO-5", "GR-2", DEC_20, DEC_20);

        AccrualLine line = given.report("2026-12-31", CLOSE).lines().get(0);

        assertThat(line.receivedAmount()).isEqualTo(Money.of("73.00", "EUR"));
        assertThat(line.orderedAmount()).isEqualTo(Money.of("110.00", "EUR"));
        assertThat(line.orderVersion()).isEqualTo(2);
        assertThat(line.erpVersion()).isEqualTo(1);
        assertThat(line.variances()).extracting(LineVariance::reason)
                .containsExactly(VarianceReason.ERP_HOLDS_OLDER_ORDER_VERSION);
    }

    @Test
    void anAmendmentTheErpAcknowledgedIsNoVariance() {
        given.issued("PO-6", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.postedInErp("PO-6", 1, DEC_01, DEC_01);
        given.amended("PO-6", 2, DEC_10, DEC_10, line(1, "8", "EA", "10", "EUR"));
        given.postedInErp("PO-6", 2, DEC_10, DEC_10);
        given.received("PO-6", "GR-1", 1, "4", "EA", PROCUREMENT, DEC_20, DEC_20);
        given.receiptPostedInErp("PO-6", "GR-1", DEC_20, DEC_20);

        AccrualLine line = given.report("2026-12-31", CLOSE).lines().get(0);

        assertThat(line.orderedQuantity()).isEqualByComparingTo("8");
        assertThat(line.variances()).isEmpty();
    }

    @Test
    void aReceiptRecordedAfterTheCloseIsAbsentAsKnownAtTheCloseAndLabelledLateAsKnownLater() {
        given.issued("PO-7", "DE01", DEC_01, DEC_01, line(1, "5", "EA", "20", "EUR"));
        Instant lateRecording = at("2027-01-03T08:00:00Z");
        given.received("PO-7", "GR-9", 1, "5", "EA", PROCUREMENT, at("2026-12-30T16:00:00Z"), lateRecording);
        given.receiptPostedInErp("PO-7", "GR-9", at("2026-12-30T17:00:00Z"), lateRecording);

        assertThat(given.report("2026-12-31", CLOSE).groups()).isEmpty();
        AccrualLine line = given.report("2026-12-31", LATER).lines().get(0);
        assertThat(line.receivedAmount()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(line.variances()).singleElement().satisfies(variance -> {
            assertThat(variance.reason()).isEqualTo(VarianceReason.LATE_FACT);
            assertThat(variance.recordedAt()).isEqualTo(lateRecording);
            assertThat(variance.detail()).contains("GR-9");
        });
    }

    @Test
    void anInvoicePostedInTheErpButNotMatchedIsAVariance() {
        given.issued("PO-8", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-8", "GR-1", 1, "3", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-8", "GR-1", DEC_10, DEC_10);
        given.invoiced("PO-8", "INV-8", "DE01", 1, "5", "EA", "10", "EUR", DEC_10, DEC_10);
        given.invoicePosted("PO-8", "INV-8", "DE01", DEC_20, DEC_20);

        VarianceReport variances = given.variances("2026-12-31", CLOSE);

        assertThat(variances.lines()).singleElement().satisfies(line -> assertThat(line.variances())
                .extracting(LineVariance::reason).containsExactly(VarianceReason.INVOICE_POSTED_UNMATCHED));
        assertThat(variances.totals()).singleElement().satisfies(total -> {
            assertThat(total.reason()).isEqualTo(VarianceReason.INVOICE_POSTED_UNMATCHED);
            assertThat(total.lines()).isEqualTo(1);
            assertThat(total.openAmount()).isEqualTo(Money.of("-20.00", "EUR"));
        });
    }

    @Test
    void aMatchedPostedAndPaidInvoiceIsNoVarianceAndCountsAsMatchedAndPaid() {
        given.issued("PO-9", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-9", "GR-1", 1, "6", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-9", "GR-1", DEC_10, DEC_10);
        given.invoiced("PO-9", "INV-9", "DE01", 1, "4", "EA", "10", "EUR", DEC_10, DEC_10);
        given.matched("PO-9", "INV-9", "DE01", DEC_10, DEC_10);
        given.invoicePosted("PO-9", "INV-9", "DE01", DEC_20, DEC_20);
        given.paid("PO-9", "INV-9", "DE01", Money.of("40.00", "EUR"), Money.of("40.00", "EUR"), DEC_20, DEC_20);

        AccrualLine line = given.report("2026-12-31", CLOSE).lines().get(0);

        assertThat(line.matchedQuantity()).isEqualByComparingTo("4");
        assertThat(line.paidAmount()).isEqualTo(Money.of("40.00", "EUR"));
        assertThat(line.variances()).isEmpty();
    }

    @Test
    void aMatchAfterThePeriodEndLeavesTheInvoicePostedUnmatchedInThatPeriod() {
        given.issued("PO-19", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-19", "GR-1", 1, "6", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-19", "GR-1", DEC_10, DEC_10);
        given.invoiced("PO-19", "INV-19", "DE01", 1, "4", "EA", "10", "EUR", DEC_10, DEC_10);
        given.invoicePosted("PO-19", "INV-19", "DE01", DEC_20, DEC_20);
        given.matched("PO-19", "INV-19", "DE01", at("2027-01-02T10:00:00Z"), at("2027-01-02T10:00:00Z"));

        assertThat(given.variances("2026-12-31", LATER).lines()).singleElement().satisfies(line -> assertThat(
                line.variances()).extracting(LineVariance::reason).containsExactly(
                VarianceReason.INVOICE_POSTED_UNMATCHED));
        assertThat(given.variances("2027-01-31", LATER).lines()).isEmpty();
    }

    @Test
    void aPartialPaymentIsNotSpreadOverLines() {
        given.issued("PO-10", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-10", "GR-1", 1, "6", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.invoiced("PO-10", "INV-10", "DE01", 1, "4", "EA", "10", "EUR", DEC_10, DEC_10);
        given.paid("PO-10", "INV-10", "DE01", Money.of("10.00", "EUR"), Money.of("40.00", "EUR"), DEC_20, DEC_20);

        AccrualLine line = given.report("2026-12-31", CLOSE).lines().get(0);

        assertThat(line.paidQuantity()).isEqualByComparingTo("0");
    }

    @Test
    void anInvoiceInAnotherCurrencyCannotOffsetTheReceiptAndIsLabelled() {
        given.issued("PO-11", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-11", "GR-1", 1, "10", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-11", "GR-1", DEC_10, DEC_10);
        given.invoiced("PO-11", "INV-11", "DE01", 1, "4", "EA", "11", "USD", DEC_20, DEC_20);

        AccrualLine line = given.report("2026-12-31", CLOSE).lines().get(0);

        assertThat(line.invoicedQuantity()).isEqualByComparingTo("4");
        assertThat(line.invoicedAmount()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(line.openAmount()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(line.variances()).singleElement().satisfies(variance -> {
            assertThat(variance.reason()).isEqualTo(VarianceReason.CURRENCY_MISMATCH);
            assertThat(variance.detail()).contains("44.00 USD");
        });
    }

    @Test
    void yenAmountsHaveNoDecimalsAndRoundHalfEvenPerLine() {
        given.issued("PO-12", "JP01", DEC_01, DEC_01, line(1, "3", "EA", "1234.5", "JPY"));
        given.received("PO-12", "GR-1", 1, "3", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.invoiced("PO-12", "INV-12", "JP01", 1, "1", "EA", "1234.5", "JPY", DEC_20, DEC_20);

        AccrualReport report = given.report("2026-12-31", CLOSE);
        AccrualGroup group = report.groups().get(0);

        // 3 x 1234.5 = 3703.5 -> 3704; 1 x 1234.5 -> 1234 (half-even).
        assertThat(report.lines().get(0).receivedAmount()).isEqualTo(Money.of("3704", "JPY"));
        assertThat(group.receivedNotInvoiced()).isEqualTo(Money.of("2470", "JPY"));
        assertThat(group.receivedNotInvoiced().amount().scale()).isZero();
    }

    @Test
    void threeDecimalCurrenciesKeepTheirMinorUnitsAndGroupApart() {
        given.issued("PO-13", "BH01", DEC_01, DEC_01, line(1, "2", "KG", "1.2345", "BHD"));
        given.received("PO-13", "GR-1", 1, "2", "KG", PROCUREMENT, DEC_10, DEC_10);
        given.issued("PO-14", "KW01", DEC_01, DEC_01, line(1, "1.5", "KG", "3.333", "KWD"));
        given.received("PO-14", "GR-1", 1, "1.5", "KG", PROCUREMENT, DEC_10, DEC_10);

        List<AccrualGroup> groups = given.report("2026-12-31", CLOSE).groups();

        assertThat(groups).extracting(AccrualGroup::receivedNotInvoiced)
                .containsExactly(Money.of("2.469", "BHD"), Money.of("5.000", "KWD"));
        assertThat(groups.get(0).receivedNotInvoiced().amount().scale()).isEqualTo(3);
    }

    @Test
    void servicesAccrueOnAnotherBasisAndAreLeftOut() {
        given.issued("PO-15", "DE01", DEC_01, DEC_01, service(1, "8", "100", "EUR"));
        given.invoiced("PO-15", "INV-15", "DE01", 1, "8", "H", "100", "EUR", DEC_20, DEC_20);

        assertThat(given.report("2026-12-31", CLOSE).groups()).isEmpty();
    }

    @Test
    void theReportFiltersByLegalEntityAndSupplier() {
        given.issued("PO-16", "DE01", DEC_01, DEC_01, line(1, "1", "EA", "10", "EUR"));
        given.received("PO-16", "GR-1", 1, "1", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.issued("PO-17", "FR01", DEC_01, DEC_01, line(1, "1", "EA", "10", "EUR"));
        given.received("PO-17", "GR-1", 1, "1", "EA", PROCUREMENT, DEC_10, DEC_10);

        AccrualReport report = AccrualReportRules.report(new AccrualCriteria(LocalDate.parse("2026-12-31"),
                CLOSE, "FR01", null, null), given.facts);
        AccrualReport otherSupplier = AccrualReportRules.report(new AccrualCriteria(
                LocalDate.parse("2026-12-31"), CLOSE, null, null, "SUP-2"), given.facts);

        assertThat(report.groups()).extracting(group -> group.legalEntity().value()).containsExactly("FR01");
        assertThat(otherSupplier.groups()).isEmpty();
    }

    @Test
    void aReceiptOnlyProcurementReportedIsNotPostedInTheErpAndTheErpsAccrualLacksItsAmount() {
        given.issued("PO-30", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "12.50", "EUR"));
        given.received("PO-30", "GR-1", 1, "6", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.received("PO-30", "GR-2", 1, "2", "EA", PROCUREMENT, DEC_20, DEC_20);
        given.receiptPostedInErp("PO-30", "GR-1", DEC_10, DEC_10);

        VarianceReport variances = given.variances("2026-12-31", CLOSE);

        assertThat(variances.lines()).singleElement().satisfies(line -> assertThat(line.variances())
                .singleElement().satisfies(variance -> {
                    assertThat(variance.reason()).isEqualTo(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP);
                    assertThat(variance.detail()).contains("GR-2", "PROCUREMENT", "ERP_EMEA", "lacks 25.00 EUR")
                            .doesNotContain("GR-1");
                    assertThat(variance.recordedAt()).isEqualTo(DEC_20);
                }));
        assertThat(variances.totals()).singleElement().satisfies(total -> {
            assertThat(total.reason()).isEqualTo(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP);
            assertThat(total.openAmount()).isEqualTo(Money.of("100.00", "EUR"));
        });
        // As of 15 December the only receipt was posted.
        assertThat(given.variances("2026-12-15", CLOSE).lines()).isEmpty();
    }

    @Test
    void aReceiptTheRoutedErpReportedItselfCountsAsPostedButOneAnotherErpPostedDoesNot() {
        given.issued("PO-31", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"), line(2, "10", "EA", "10", "EUR"));
        given.received("PO-31", "GR-1", 1, "4", "EA", AccrualFixture.ERP_EMEA, DEC_10, DEC_10);
        given.received("PO-31", "GR-2", 2, "4", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-31", "GR-2", SystemId.of("ERP_NA"), DEC_10, DEC_10);

        List<AccrualLine> lines = given.variances("2026-12-31", CLOSE).lines();

        assertThat(lines).extracting(AccrualLine::lineNumber).containsExactly(2);
        assertThat(lines.get(0).variances()).extracting(LineVariance::reason)
                .containsExactly(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP);
    }

    @Test
    void theErpPostingTheReceiptAfterTheCloseLeavesItNotPostedInTheClosesReport() {
        given.issued("PO-32", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "80.00", "EUR"));
        given.received("PO-32", "GR-1", 1, "10", "EA", PROCUREMENT, at("2026-12-30T10:00:00Z"),
                at("2026-12-30T10:00:00Z"));
        Instant closedAt = at("2027-01-02T18:00:00Z");
        given.receiptPostedInErp("PO-32", "GR-1", at("2027-01-04T09:00:00Z"), at("2027-01-04T09:00:00Z"));

        // As the ledger knew it at the close: received, not posted.
        assertThat(given.variances("2026-12-31", closedAt).lines()).singleElement().satisfies(line ->
                assertThat(line.variances()).extracting(LineVariance::reason)
                        .containsExactly(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP));
        // Known now, the posting's business time is after the period end: still not posted as of the period end,
        // and not a late fact of the period either.
        assertThat(given.variances("2026-12-31", LATER).lines()).singleElement().satisfies(line ->
                assertThat(line.variances()).extracting(LineVariance::reason)
                        .containsExactly(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP));
        assertThat(given.variances("2027-01-31", LATER).lines()).isEmpty();
    }

    @Test
    void aPostingDatedInThePeriodButRecordedAfterTheCloseIsNotPostedAsKnownAtTheCloseAndLateAsKnownLater() {
        given.issued("PO-33", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "80.00", "EUR"));
        given.received("PO-33", "GR-1", 1, "10", "EA", PROCUREMENT, DEC_20, DEC_20);
        given.receiptPostedInErp("PO-33", "GR-1", at("2026-12-31T16:00:00Z"), at("2027-01-03T08:00:00Z"));

        assertThat(given.variances("2026-12-31", at("2027-01-02T18:00:00Z")).lines().get(0).variances())
                .extracting(LineVariance::reason).containsExactly(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP);
        assertThat(given.variances("2026-12-31", LATER).lines().get(0).variances())
                .extracting(LineVariance::reason).containsExactly(VarianceReason.LATE_FACT);
    }

    @Test
    void theErpsPostingThatArrivesBeforeTheReceiptIsPairedWithItByNumber() {
        given.issued("PO-34", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"), line(2, "5", "EA", "10", "EUR"));
        given.receiptPostedInErp("PO-34", "GR-1", DEC_10, DEC_10);
        given.received("PO-34", "GR-1", 2, "5", "EA", PROCUREMENT, DEC_10, at("2026-12-10T10:00:00Z"));

        AccrualReport report = given.report("2026-12-31", CLOSE);

        assertThat(report.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo(2);
            assertThat(line.variances()).isEmpty();
        });
    }

    @Test
    void aLatePostingOfAReceiptTheLineDoesNotHaveIsNoLateFactOfTheLine() {
        given.issued("PO-37", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"), line(2, "5", "EA", "10", "EUR"));
        given.received("PO-37", "GR-1", 1, "4", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-37", "GR-1", DEC_10, DEC_10);
        // The ERP's posting of GR-2 comes before its receipt, after the close: it is put on both lines.
        given.receiptPostedInErp("PO-37", "GR-2", DEC_20, at("2027-01-03T08:00:00Z"));

        assertThat(given.variances("2026-12-31", LATER).lines()).isEmpty();

        given.received("PO-37", "GR-2", 2, "5", "EA", PROCUREMENT, DEC_20, at("2027-01-04T08:00:00Z"));

        assertThat(given.variances("2026-12-31", LATER).lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo(2);
            assertThat(line.variances()).singleElement().satisfies(variance -> {
                assertThat(variance.reason()).isEqualTo(VarianceReason.LATE_FACT);
                assertThat(variance.detail()).contains("RECEIVED GR-2", "RECEIPT_POSTED_IN_ERP GR-2");
            });
        });
    }

    @Test
    void anInvoiceBilledToAnotherLegalEntityIsALegalEntityMismatch() {
        given.issued("PO-35", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"));
        given.received("PO-35", "GR-1", 1, "10", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-35", "GR-1", DEC_10, DEC_10);
        given.invoiced("PO-35", "INV-35", "DE01", "FR01", 1, "4", "EA", "10", "EUR", DEC_20, DEC_20);

        VarianceReport variances = given.variances("2026-12-31", CLOSE);

        assertThat(variances.lines()).singleElement().satisfies(line -> {
            // Procurement's position counts the invoice; the label says the ERP of DE01 does not.
            assertThat(line.invoicedAmount()).isEqualTo(Money.of("40.00", "EUR"));
            assertThat(line.openAmount()).isEqualTo(Money.of("60.00", "EUR"));
            assertThat(line.variances()).singleElement().satisfies(variance -> {
                assertThat(variance.reason()).isEqualTo(VarianceReason.LEGAL_ENTITY_MISMATCH);
                assertThat(variance.detail()).contains("INV-35", "billed to FR01, not DE01");
                assertThat(variance.recordedAt()).isEqualTo(DEC_20);
            });
        });
        assertThat(variances.totals()).extracting(VarianceTotal::reason, VarianceTotal::lines)
                .containsExactly(tuple(VarianceReason.LEGAL_ENTITY_MISMATCH, 1L));
        // Before the invoice arrived there was nothing to label.
        assertThat(given.variances("2026-12-15", CLOSE).lines()).isEmpty();
    }

    @Test
    void anInvoiceBilledToTheOrdersOwnLegalEntityOrNotSayingIsNoMismatch() {
        given.issued("PO-36", "DE01", DEC_01, DEC_01, line(1, "10", "EA", "10", "EUR"), line(2, "10", "EA", "10", "EUR"));
        given.received("PO-36", "GR-1", 1, "10", "EA", AccrualFixture.ERP_EMEA, DEC_10, DEC_10);
        given.received("PO-36", "GR-2", 2, "10", "EA", AccrualFixture.ERP_EMEA, DEC_10, DEC_10);
        given.invoiced("PO-36", "INV-36A", "DE01", "DE01", 1, "4", "EA", "10", "EUR", DEC_20, DEC_20);
        given.invoiced("PO-36", "INV-36B", "DE01", null, 2, "4", "EA", "10", "EUR", DEC_20, DEC_20);

        AccrualReport report = given.report("2026-12-31", CLOSE);

        assertThat(report.lines()).hasSize(2).allSatisfy(line -> assertThat(line.variances()).isEmpty());
    }

    /** The worked example of docs/accruals.md. */
    @Test
    void theDocumentedWorkedExampleAnswers230AtTheCloseAnd1030WithTheLateReceipt() {
        PurchaseOrderLine bearings = line(1, "100", "EA", "12.50", "EUR");
        PurchaseOrderLine housings = line(2, "10", "EA", "80.00", "EUR");
        given.issued("PO-DOC", "DE01", DEC_01, DEC_01, bearings, housings);
        given.postedInErp("PO-DOC", 1, DEC_01, DEC_01);
        given.received("PO-DOC", "GR-1", 1, "60", "EA", PROCUREMENT, DEC_10, DEC_10);
        given.receiptPostedInErp("PO-DOC", "GR-1", at("2026-12-11T09:00:00Z"), at("2026-12-11T09:00:00Z"));
        Instant dec15 = at("2026-12-15T09:00:00Z");
        given.amended("PO-DOC", 2, dec15, dec15, line(1, "100", "EA", "13.00", "EUR"), housings);
        given.invoiced("PO-DOC", "INV-DOC", "DE01", 1, "40", "EA", "13.00", "EUR", DEC_20, DEC_20);
        given.matched("PO-DOC", "INV-DOC", "DE01", DEC_20, DEC_20);
        given.received("PO-DOC", "GR-2", 2, "10", "EA", PROCUREMENT, at("2026-12-30T10:00:00Z"),
                at("2027-01-03T08:00:00Z"));
        // The ERP posts the housings' receipt only on 4 January: at 31 December its accrual lacks them.
        given.receiptPostedInErp("PO-DOC", "GR-2", at("2027-01-04T09:00:00Z"), at("2027-01-04T09:00:00Z"));

        AccrualReport asAtClose = given.report("2026-12-31", at("2027-01-02T18:00:00Z"));
        AccrualReport asNow = given.report("2026-12-31", LATER);
        AccrualGroup atClose = asAtClose.groups().get(0);
        AccrualGroup now = asNow.groups().get(0);

        assertThat(atClose.receivedNotInvoiced()).isEqualTo(Money.of("230.00", "EUR"));
        assertThat(asAtClose.lines()).singleElement().satisfies(line -> {
            assertThat(line.receivedAmount()).isEqualTo(Money.of("750.00", "EUR"));
            assertThat(line.invoicedAmount()).isEqualTo(Money.of("520.00", "EUR"));
            assertThat(line.variances()).extracting(LineVariance::reason)
                    .containsExactly(VarianceReason.ERP_HOLDS_OLDER_ORDER_VERSION);
        });
        assertThat(now.receivedNotInvoiced()).isEqualTo(Money.of("1030.00", "EUR"));
        assertThat(now.receivedNotInvoicedLines()).isEqualTo(2);
        assertThat(asNow.lines().get(1).variances()).extracting(LineVariance::reason)
                .containsExactly(VarianceReason.LATE_FACT, VarianceReason.RECEIPT_NOT_POSTED_IN_ERP);
        assertThat(asNow.lines().get(1).variances().get(1).detail()).contains("GR-2", "lacks 800.00 EUR");
        assertThat(given.variances("2026-12-31", LATER).totals())
                .extracting(VarianceTotal::reason, VarianceTotal::lines, VarianceTotal::openAmount)
                .containsExactly(
                        tuple(VarianceReason.ERP_HOLDS_OLDER_ORDER_VERSION, 1L, Money.of("230.00", "EUR")),
                        tuple(VarianceReason.LATE_FACT, 1L, Money.of("800.00", "EUR")),
                        tuple(VarianceReason.RECEIPT_NOT_POSTED_IN_ERP, 1L, Money.of("800.00", "EUR")));
        // In January the ERP has posted it: no longer a variance of the January period.
        assertThat(given.variances("2027-01-31", LATER).lines()).extracting(AccrualLine::lineNumber)
                .containsExactly(1);
    }
}
