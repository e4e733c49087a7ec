package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.shared.CurrencyCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.command.invoice.InvoiceFixture.*;

/**
 * Goods delivered beyond the order are on the record, but the order does not cover them: a three-way match counts
 * what was received up to what was ordered, so an over-delivery is not billable without an amendment.
 */
class OverDeliveryMatchTest {

    /** PO-4711 with 12 housings delivered against 10 ordered. */
    private static final PurchaseOrderFacts.Order OVER_DELIVERED = new PurchaseOrderFacts.Order(ORDER, SUPPLIER, US01,
            CurrencyCode.of("USD"), Map.of(2, orderLine(2, "10", "EA", "80.00", true, "12")));

    private static final InvoiceProperties.Tolerances EXACT = new MatchingTolerances(properties()).forLegalEntity(US01);

    @Test
    void billingTheOverDeliveredQuantityIsAVarianceAgainstWhatWasOrdered() {
        List<LineMatch> match = ThreeWayMatch.match(List.of(housings("12", "80.00")), OVER_DELIVERED, Map.of(), EXACT);

        assertThat(ThreeWayMatch.allMatched(match)).isFalse();
        assertThat(match.get(0).expectedQuantity()).isEqualTo(Quantity.of("10", "EA"));
        assertThat(match.get(0).problems()).containsExactly("invoiced 12 EA, received 12 (ordered 10) (allowed over: 0)");
        assertThat(ThreeWayMatch.varianceAmount(match, CurrencyCode.of("USD"))).isEqualTo(usd("160.00"));
    }

    @Test
    void billingWhatWasOrderedOfAnOverDeliveryMatches() {
        List<LineMatch> match = ThreeWayMatch.match(List.of(housings("10", "80.00")), OVER_DELIVERED, Map.of(), EXACT);

        assertThat(ThreeWayMatch.allMatched(match)).isTrue();
    }
}
