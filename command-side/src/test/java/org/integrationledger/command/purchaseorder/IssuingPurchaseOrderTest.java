package org.integrationledger.command.purchaseorder;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.command.routing.LegalEntityCurrencies;
import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.integrationledger.command.purchaseorder.PurchaseOrderFixture.*;

/** Procurement approves the requisition and issues version 1 of the order, routed to its legal entity's ERP. */
class IssuingPurchaseOrderTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = purchaseOrders();
    }

    @Test
    void requisitionApprovalStartsTheOrder() {
        fixture.givenNoPriorActivity()
                .when(approveRequisition())
                .expectEvents(requisitionApproved())
                .expectResultMessagePayload(outcome(0, RequisitionApproved.class));
    }

    @Test
    void requisitionApprovalIsRecordedOnAnOrderTheLedgerAlreadyKnows() {
        fixture.given(postedInErp(ERP_NA, 1))
                .when(approveRequisition())
                .expectEvents(requisitionApproved())
                .expectResultMessagePayload(outcome(1, RequisitionApproved.class));
    }

    @Test
    void issuesVersionOneRoutedToTheErpOfAUsLegalEntity() {
        fixture.givenNoPriorActivity()
                .when(issue(US01))
                .expectEvents(issued(US01, ERP_NA, standardLines(), standardTotal()))
                .expectResultMessagePayload(outcome(0, PurchaseOrderIssued.class));
    }

    @Test
    void routesAGermanLegalEntityToTheEmeaErp() {
        List<PurchaseOrderLine> euroLines = List.of(
                line(BEARINGS, "Kugellager 6204", "100", "EA", "11.40", "EUR"));
        Money total = Money.of("1140.00", "EUR");

        fixture.givenNoPriorActivity()
                .when(issue(DE01, euroLines, total))
                .expectEvents(issued(DE01, ERP_EMEA, euroLines, total));
    }

    @Test
    void recordsTheVersionOfTheRuleThatRoutedTheOrderAfterALegalEntityMoved() {
        AggregateTestFixture<PurchaseOrder> migrated = new AggregateTestFixture<>(PurchaseOrder.class);
        ReferenceDataProperties moved = new ReferenceDataProperties(Map.of(),
                Map.of("DE01", new ReferenceDataProperties.LegalEntity("DE", "EUR", "ERP_NA", "EU_VAT", "EMEA", 2)));
        migrated.registerInjectableResource(new LegalEntityRouting(moved));
        migrated.registerInjectableResource(new LegalEntityCurrencies(moved));
        List<PurchaseOrderLine> euroLines = List.of(line(BEARINGS, "Kugellager 6204", "100", "EA", "11.40", "EUR"));
        Money total = Money.of("1140.00", "EUR");

        migrated.givenNoPriorActivity()
                .when(issue(DE01, euroLines, total))
                .expectEvents(new PurchaseOrderIssued(ORDER, SUPPLIER, DE01, ERP_NA, REQUISITION, euroLines, total, 1,
                        routing(DE01, ERP_NA, 2), PROCUREMENT, ISSUED_AT));
    }

    @Test
    void issuesAnOrderWhoseRequisitionWasApproved() {
        fixture.given(requisitionApproved())
                .when(issue())
                .expectEvents(issued())
                .expectResultMessagePayload(outcome(1, PurchaseOrderIssued.class));
    }

    @Test
    void rejectsIssuingTheSameOrderTwice() {
        fixture.given(issued())
                .when(issue())
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_ALREADY_ISSUED));
    }

    @Test
    void rejectsReissuingAnAmendedOrder() {
        fixture.given(issued(), amended(2, List.of(bearings("120"), housings("10")), usd("2300.00"), standardTotal()))
                .when(issue())
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.PURCHASE_ORDER_ALREADY_ISSUED));
    }

    @Test
    void rejectsALegalEntityWithoutErpRoute() {
        fixture.givenNoPriorActivity()
                .when(issue(UNROUTED))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.UNKNOWN_LEGAL_ENTITY))
                .expectExceptionMessage(containsString("BR01"));
    }

    @Test
    void rejectsATotalTheLinesDoNotAddUpTo() {
        fixture.givenNoPriorActivity()
                .when(issue(standardLines(), usd("2050.01")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.TOTAL_MISMATCH));
    }


    @Test
    void rejectsALinePricedInAnotherCurrencyThanTheTotal() {
        List<PurchaseOrderLine> lines = List.of(bearings("100"),
                line(HOUSINGS, "Bearing housing", "10", "EA", "80.00", "EUR"));

        fixture.givenNoPriorActivity()
                .when(issue(lines, standardTotal()))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void refusesAnOrderInACurrencyItsLegalEntityDoesNotBookIn() {
        List<PurchaseOrderLine> euroLines = List.of(line(BEARINGS, "Ball bearing 6204", "100", "EA", "11.40", "EUR"));

        fixture.givenNoPriorActivity()
                .when(issue(US01, euroLines, Money.of("1140.00", "EUR")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.CURRENCY_NOT_ALLOWED_FOR_LEGAL_ENTITY))
                .expectExceptionMessage(containsString("legal entity US01 books in USD, not EUR"));
    }

    @Test
    void acceptsEveryCurrencyALegalEntityIsConfiguredFor() {
        AggregateTestFixture<PurchaseOrder> twoCurrencies = new AggregateTestFixture<>(PurchaseOrder.class);
        ReferenceDataProperties reference = new ReferenceDataProperties(Map.of(),
                Map.of("US01", new ReferenceDataProperties.LegalEntity("US", "USD", "ERP_NA", "US_SALES_USE_TAX", "NA",
                        1, List.of("USD", "EUR"))));
        twoCurrencies.registerInjectableResource(new LegalEntityRouting(reference));
        twoCurrencies.registerInjectableResource(new LegalEntityCurrencies(reference));
        List<PurchaseOrderLine> euroLines = List.of(line(BEARINGS, "Ball bearing 6204", "100", "EA", "11.40", "EUR"));
        Money total = Money.of("1140.00", "EUR");

        twoCurrencies.givenNoPriorActivity()
                .when(issue(US01, euroLines, total))
                .expectEvents(issued(US01, ERP_NA, euroLines, total));
    }
}
