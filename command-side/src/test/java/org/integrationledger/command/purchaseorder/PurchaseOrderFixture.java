package org.integrationledger.command.purchaseorder;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.integrationledger.command.documentkey.DocumentTargetResolver;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.command.routing.LegalEntityCurrencies;
import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.integrationledger.model.purchaseorder.AcknowledgePurchaseOrderPosting;
import org.integrationledger.model.purchaseorder.AmendPurchaseOrder;
import org.integrationledger.model.purchaseorder.CancelPurchaseOrder;
import org.integrationledger.model.purchaseorder.ClosePurchaseOrder;
import org.integrationledger.model.purchaseorder.ClosureReason;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.IssuePurchaseOrder;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptExcess;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.purchaseorder.ReceiveGoods;
import org.integrationledger.model.purchaseorder.RecordRequisitionApproval;
import org.integrationledger.model.purchaseorder.RejectPurchaseOrderPosting;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reference purchase order of the unit tests and the commands and facts around it, so that a test reads
 * like the business case: PO-4711 for US01, two lines (100 EA ball bearings at 12.50, 10 EA bearing housings
 * at 80.00), 2050.00 USD, issued by procurement on Monday at nine.
 */
final class PurchaseOrderFixture {

    static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-4711");
    static final SupplierId SUPPLIER = SupplierId.of("SUP-4711");
    static final String REQUISITION = "REQ-2026-0042";

    static final LegalEntityId US01 = LegalEntityId.of("US01");
    static final LegalEntityId DE01 = LegalEntityId.of("DE01");
    static final LegalEntityId UNROUTED = LegalEntityId.of("BR01");

    static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    static final SystemId ERP_NA = SystemId.of("ERP_NA");
    static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");

    static final Instant APPROVED_AT = Instant.parse("2026-11-20T15:30:00Z");
    static final Instant ISSUED_AT = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant POSTED_AT = ISSUED_AT.plusSeconds(600);
    static final Instant AMENDED_AT = ISSUED_AT.plusSeconds(3_600);
    static final Instant FIRST_DELIVERY_AT = Instant.parse("2026-11-30T07:45:00Z");
    static final Instant SECOND_DELIVERY_AT = Instant.parse("2026-12-07T07:45:00Z");
    static final Instant CLOSED_AT = Instant.parse("2026-12-31T17:00:00Z");

    static final int BEARINGS = 1;
    static final int HOUSINGS = 2;
    static final int INSTALLATION = 3;

    private PurchaseOrderFixture() {
    }

    /** A fixture for the aggregate, with the routing rule of the reference configuration injected. */
    static AggregateTestFixture<PurchaseOrder> purchaseOrders() {
        AggregateTestFixture<PurchaseOrder> fixture = new AggregateTestFixture<>(PurchaseOrder.class);
        fixture.registerCommandTargetResolver(new DocumentTargetResolver(DocumentKind.PURCHASE_ORDER));
        fixture.registerInjectableResource(routing());
        fixture.registerInjectableResource(new LegalEntityCurrencies(reference()));
        return fixture;
    }

    /** US01 posts in ERP_NA, DE01 in ERP_EMEA; BR01 is not configured at all. */
    static LegalEntityRouting routing() {
        return new LegalEntityRouting(reference());
    }

    /** US01 books in USD, DE01 in EUR. */
    static ReferenceDataProperties reference() {
        return new ReferenceDataProperties(
                Map.of("PROCUREMENT", new ReferenceDataProperties.SystemOfRecord("PROCUREMENT", "procurement platform"),
                        "ERP_NA", new ReferenceDataProperties.SystemOfRecord("ERP", "ERP North America"),
                        "ERP_EMEA", new ReferenceDataProperties.SystemOfRecord("ERP", "ERP Europe")),
                Map.of("US01", new ReferenceDataProperties.LegalEntity("US", "USD", "ERP_NA", "US_SALES_USE_TAX",
                                "NA", 1),
                        "DE01", new ReferenceDataProperties.LegalEntity("DE", "EUR", "ERP_EMEA", "EU_VAT",
                                "EMEA", 1)));
    }

    static MessageId newMessageId() {
        return MessageId.of("msg-" + UUID.randomUUID());
    }

    // Lines and amounts

    static PurchaseOrderLine bearings(String quantity) {
        return line(BEARINGS, "Ball bearing 6204", quantity, "EA", "12.50", "USD");
    }

    static PurchaseOrderLine housings(String quantity) {
        return line(HOUSINGS, "Bearing housing", quantity, "EA", "80.00", "USD");
    }

    /** A service: matched two-way, so it never waits for a goods receipt. */
    static PurchaseOrderLine installation(String hours) {
        return new PurchaseOrderLine(INSTALLATION, "Installation by supplier technician", Quantity.of(hours, "H"),
                UnitPrice.of("95.00", "USD"), false);
    }

    static PurchaseOrderLine line(int lineNumber, String description, String quantity, String unit, String unitPrice,
                                  String currency) {
        return new PurchaseOrderLine(lineNumber, description, Quantity.of(quantity, unit),
                UnitPrice.of(unitPrice, currency), true);
    }

    /** 100 bearings (1250.00) and 10 housings (800.00). */
    static List<PurchaseOrderLine> standardLines() {
        return List.of(bearings("100"), housings("10"));
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static Money standardTotal() {
        return usd("2050.00");
    }

    // Commands, each with a message id of its own

    static RecordRequisitionApproval approveRequisition() {
        return new RecordRequisitionApproval(newMessageId(), PROCUREMENT, APPROVED_AT, ORDER, REQUISITION,
                "jane.buyer@example.com", US01);
    }

    static IssuePurchaseOrder issue() {
        return issue(US01, standardLines(), standardTotal());
    }

    static IssuePurchaseOrder issue(LegalEntityId legalEntity) {
        return issue(legalEntity, standardLines(), standardTotal());
    }

    static IssuePurchaseOrder issue(List<PurchaseOrderLine> lines, Money total) {
        return issue(US01, lines, total);
    }

    static IssuePurchaseOrder issue(LegalEntityId legalEntity, List<PurchaseOrderLine> lines, Money total) {
        return new IssuePurchaseOrder(newMessageId(), PROCUREMENT, ISSUED_AT, ORDER, SUPPLIER, legalEntity,
                REQUISITION, lines, total);
    }

    static AmendPurchaseOrder amend(int version, List<PurchaseOrderLine> lines, Money total) {
        return new AmendPurchaseOrder(newMessageId(), PROCUREMENT, AMENDED_AT, ORDER, version, lines, total,
                "quantity change requested by plant", null);
    }

    static AcknowledgePurchaseOrderPosting acknowledge(SystemId erp, int version) {
        return new AcknowledgePurchaseOrderPosting(newMessageId(), erp, POSTED_AT, ORDER, version, documentNumber(erp),
                null, null);
    }

    static RejectPurchaseOrderPosting rejectPosting(SystemId erp, int version) {
        return new RejectPurchaseOrderPosting(newMessageId(), erp, POSTED_AT, ORDER, version, "VENDOR_BLOCKED",
                "supplier is blocked for purchasing in company code");
    }

    static ReceiveGoods receive(String receiptNumber, Instant receivedAt, ReceiptLine... lines) {
        return new ReceiveGoods(newMessageId(), PROCUREMENT, receivedAt, ORDER, receiptNumber, Arrays.asList(lines));
    }

    static ReceiptLine received(int lineNumber, String quantity, String unit) {
        return new ReceiptLine(lineNumber, Quantity.of(quantity, unit));
    }

    static CancelPurchaseOrder cancel() {
        return new CancelPurchaseOrder(newMessageId(), PROCUREMENT, AMENDED_AT, ORDER, "supplier cannot deliver", null);
    }

    static ClosePurchaseOrder close() {
        return new ClosePurchaseOrder(newMessageId(), PROCUREMENT, CLOSED_AT, ORDER, null, null);
    }

    // The facts those commands record

    static RequisitionApproved requisitionApproved() {
        return new RequisitionApproved(ORDER, REQUISITION, "jane.buyer@example.com", US01, PROCUREMENT, APPROVED_AT);
    }

    static PurchaseOrderIssued issued() {
        return issued(US01, ERP_NA, standardLines(), standardTotal());
    }

    static PurchaseOrderIssued issued(List<PurchaseOrderLine> lines, Money total) {
        return issued(US01, ERP_NA, lines, total);
    }

    static PurchaseOrderIssued issued(LegalEntityId legalEntity, SystemId routedTo, List<PurchaseOrderLine> lines,
                                      Money total) {
        return new PurchaseOrderIssued(ORDER, SUPPLIER, legalEntity, routedTo, REQUISITION, lines, total, 1,
                routing(legalEntity, routedTo, 1), PROCUREMENT, ISSUED_AT);
    }

    /** The routing decision of the reference configuration for the legal entity, at a rule version. */
    static RoutingDecision routing(LegalEntityId legalEntity, SystemId erp, int ruleVersion) {
        boolean na = legalEntity.equals(US01);
        return new RoutingDecision(legalEntity, erp, na ? "US_SALES_USE_TAX" : "EU_VAT", na ? "NA" : "EMEA",
                ruleVersion);
    }

    static PurchaseOrderAmended amended(int version, List<PurchaseOrderLine> lines, Money total, Money previousTotal) {
        return amended(version, lines, total, previousTotal, false);
    }

    static PurchaseOrderAmended amended(int version, List<PurchaseOrderLine> lines, Money total, Money previousTotal,
                                        boolean fullyReceived) {
        return new PurchaseOrderAmended(ORDER, version, lines, total, previousTotal,
                "quantity change requested by plant", fullyReceived, PROCUREMENT, AMENDED_AT);
    }

    static PurchaseOrderAmended amendedBeyondReceipts(int version, List<PurchaseOrderLine> lines, Money total,
                                                      Money previousTotal, ReceiptExcess... beyondOrder) {
        return new PurchaseOrderAmended(ORDER, version, lines, total, previousTotal,
                "quantity change requested by plant", false, Arrays.asList(beyondOrder), PROCUREMENT, AMENDED_AT);
    }

    static GoodsReceived receivedBeyondOrder(String receiptNumber, Instant receivedAt, boolean fullyReceived,
                                             List<ReceiptLine> lines, ReceiptExcess... beyondOrder) {
        return new GoodsReceived(ORDER, receiptNumber, lines, fullyReceived, Arrays.asList(beyondOrder), PROCUREMENT,
                receivedAt);
    }

    /** A line received beyond the order: {@code ordered} null for a line the order does not have. */
    static ReceiptExcess beyond(int lineNumber, String ordered, String received) {
        return new ReceiptExcess(lineNumber, ordered == null ? null : Quantity.of(ordered, "EA"),
                Quantity.of(received, "EA"));
    }

    static PurchaseOrderPostedInErp postedInErp(SystemId erp, int version) {
        return new PurchaseOrderPostedInErp(ORDER, documentNumber(erp), version, null, null, erp, POSTED_AT);
    }

    static PurchaseOrderPostingRejected postingRejected(SystemId erp, int version) {
        return new PurchaseOrderPostingRejected(ORDER, version, "VENDOR_BLOCKED",
                "supplier is blocked for purchasing in company code", erp, POSTED_AT);
    }

    static GoodsReceived goodsReceived(String receiptNumber, Instant receivedAt, boolean fullyReceived,
                                       ReceiptLine... lines) {
        return new GoodsReceived(ORDER, receiptNumber, Arrays.asList(lines), fullyReceived, PROCUREMENT, receivedAt);
    }

    static PurchaseOrderCancelled cancelled() {
        return new PurchaseOrderCancelled(ORDER, "supplier cannot deliver", PROCUREMENT, AMENDED_AT);
    }

    static PurchaseOrderClosed closed() {
        return new PurchaseOrderClosed(ORDER, ClosureReason.COMPLETED, PROCUREMENT, CLOSED_AT);
    }

    private static String documentNumber(SystemId erp) {
        return erp.equals(ERP_NA) ? "4500012345" : "4700098765";
    }

    // Expectations

    /** What a handler answers: the order, the sequence number of the event it wrote, and that event's type. */
    static CommandOutcome outcome(long ledgerVersion, Class<?>... recorded) {
        return new CommandOutcome(ORDER.value(), ledgerVersion,
                java.util.Arrays.stream(recorded).map(Class::getSimpleName).toList());
    }

    /** A {@link RuleViolation} whose rejection carries {@code code}, the part of a rejection connectors rely on. */
    static Matcher<Throwable> ruleViolation(ErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown, Description mismatch) {
                if (!(thrown instanceof RuleViolation violation)) {
                    mismatch.appendText("was ").appendValue(thrown);
                    return false;
                }
                if (violation.rejection().code() != code) {
                    mismatch.appendText("was a rule violation with code ").appendValue(violation.rejection().code())
                            .appendText(": ").appendText(violation.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation with code ").appendValue(code);
            }
        };
    }
}
