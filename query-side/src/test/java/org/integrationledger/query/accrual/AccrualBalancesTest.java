package org.integrationledger.query.accrual;

import org.integrationledger.model.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.query.accrual.AccrualFixture.ERP_EMEA;
import static org.integrationledger.query.accrual.AccrualFixture.PROCUREMENT;
import static org.integrationledger.query.accrual.AccrualFixture.at;
import static org.integrationledger.query.accrual.AccrualFixture.line;

/**
 * The running balances give the fold's totals at every period end as known at every time, including facts that
 * arrive late, out of recorded order, or delivered to a line that is already closed ({@link AccrualFixture#report}
 * checks the balances against the fold on every report it answers).
 */
class AccrualBalancesTest {

    private final AccrualFixture given = new AccrualFixture();

    @Test
    void theBalancesEqualTheFoldAtEveryPeriodEndAsKnownAtEveryTime() {
        given.issued("PO-1", "DE01", at("2026-12-01T09:00:00Z"), at("2026-12-01T09:00:01Z"),
                line(1, "100", "EA", "12.50", "EUR"), line(2, "10", "EA", "80.00", "EUR"));
        given.postedInErp("PO-1", 1, at("2026-12-01T10:00:00Z"), at("2026-12-01T10:00:01Z"));
        given.received("PO-1", "GR-1", 1, "60", "EA", PROCUREMENT, at("2026-12-10T09:00:00Z"),
                at("2026-12-10T09:00:01Z"));
        given.receiptPostedInErp("PO-1", "GR-1", at("2026-12-11T09:00:00Z"), at("2026-12-11T09:00:01Z"));
        given.amended("PO-1", 2, at("2026-12-15T09:00:00Z"), at("2026-12-15T09:00:01Z"),
                line(1, "100", "EA", "13.00", "EUR"), line(2, "10", "EA", "80.00", "EUR"));
        given.invoiced("PO-1", "INV-1", "DE01", 1, "40", "EA", "13.00", "EUR", at("2026-12-20T09:00:00Z"),
                at("2026-12-20T09:00:01Z"));
        given.invoicePosted("PO-1", "INV-1", "DE01", at("2026-12-21T09:00:00Z"), at("2026-12-21T09:00:01Z"));
        // Recorded after the close, and the match for the invoice later still.
        given.received("PO-1", "GR-2", 2, "10", "EA", PROCUREMENT, at("2026-12-30T10:00:00Z"),
                at("2027-01-03T08:00:00Z"));
        given.matched("PO-1", "INV-1", "DE01", at("2027-01-04T09:00:00Z"), at("2027-01-04T09:00:01Z"));
        // The ERP posts the late receipt after the close, and a receipt the ledger has not recorded yet.
        given.receiptPostedInErp("PO-1", "GR-2", at("2027-01-04T10:00:00Z"), at("2027-01-04T10:00:01Z"));
        given.receiptPostedInErp("PO-1", "GR-3", at("2027-01-05T10:00:00Z"), at("2027-01-05T10:00:01Z"));
        given.issued("PO-2", "GB01", at("2026-12-02T09:00:00Z"), at("2026-12-02T09:00:01Z"),
                line(1, "5", "EA", "7.25", "GBP"));
        given.invoiced("PO-2", "INV-2", "GB01", 1, "5", "EA", "7.25", "GBP", at("2026-12-05T09:00:00Z"),
                at("2026-12-05T09:00:01Z"));
        given.received("PO-2", "GR-1", 1, "5", "EA", PROCUREMENT, at("2027-01-02T09:00:00Z"),
                at("2027-01-02T09:00:01Z"));

        List<Instant> knownAts = new ArrayList<>(given.facts.stream().map(AccrualFact::recordedAt).toList());
        knownAts.add(at("2026-11-30T00:00:00Z"));
        knownAts.add(at("2027-02-01T00:00:00Z"));
        int asked = 0;
        for (LocalDate day = LocalDate.parse("2026-11-30"); day.isBefore(LocalDate.parse("2027-01-10"));
             day = day.plusDays(1)) {
            for (Instant knownAt : knownAts) {
                given.report(day.toString(), knownAt);
                given.variances(day.toString(), knownAt);
                asked++;
            }
        }
        assertThat(asked).isGreaterThan(400);
        assertThat(given.report("2026-12-31", at("2027-01-02T18:00:00Z")).groups())
                .extracting(group -> group.receivedNotInvoiced())
                .containsExactly(Money.of("230.00", "EUR"), Money.of("0.00", "GBP"));
    }

    @Test
    void aFactThatArrivesAfterALaterRecordedOneStillLeavesEverySumExact() {
        given.issued("PO-3", "DE01", at("2026-12-01T09:00:00Z"), at("2026-12-01T09:00:00Z"),
                line(1, "10", "EA", "3.00", "EUR"));
        // The invoice's event was recorded before the receipt's but is applied after it (a concurrent append).
        given.received("PO-3", "GR-1", 1, "10", "EA", ERP_EMEA, at("2026-12-10T09:00:00Z"),
                at("2026-12-10T09:00:05Z"));
        given.invoiced("PO-3", "INV-3", "DE01", 1, "4", "EA", "3.00", "EUR", at("2026-12-10T08:00:00Z"),
                at("2026-12-10T09:00:03Z"));

        // Between the two recorded instants only the invoice was known: invoiced ahead of its goods.
        assertThat(given.report("2026-12-31", at("2026-12-10T09:00:04Z")).groups()).singleElement()
                .satisfies(group -> assertThat(group.invoicedNotReceived()).isEqualTo(Money.of("12.00", "EUR")));
        assertThat(given.report("2026-12-31", at("2026-12-10T09:00:06Z")).groups()).singleElement()
                .satisfies(group -> assertThat(group.receivedNotInvoiced()).isEqualTo(Money.of("18.00", "EUR")));
    }

    @Test
    void aLineThatClosesLeavesNothingInTheBalances() {
        given.issued("PO-4", "FR01", at("2026-12-01T09:00:00Z"), at("2026-12-01T09:00:00Z"),
                line(1, "2", "EA", "50.00", "EUR"));
        given.received("PO-4", "GR-1", 1, "2", "EA", PROCUREMENT, at("2026-12-03T09:00:00Z"),
                at("2026-12-03T09:00:00Z"));
        given.invoiced("PO-4", "INV-4", "FR01", 1, "2", "EA", "50.00", "EUR", at("2026-12-04T09:00:00Z"),
                at("2026-12-04T09:00:00Z"));

        assertThat(given.totals(AccrualFixture.criteria("2026-12-31", at("2027-01-01T00:00:00Z")), true)).isEmpty();
        assertThat(given.totals(AccrualFixture.criteria("2026-12-03", at("2027-01-01T00:00:00Z")), true))
                .extracting(AccrualFacts.Total::measure, AccrualFacts.Total::lines)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RECEIPT_NOT_POSTED_IN_ERP", 1L),
                        org.assertj.core.groups.Tuple.tuple("RECEIVED_NOT_INVOICED", 1L));
    }
}
