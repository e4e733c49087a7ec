package org.integrationledger.command.invoice;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.integrationledger.command.controls.BeneficiaryControl;
import org.integrationledger.command.controls.ControlProperties;
import org.integrationledger.command.controls.FakeSuppliers;
import org.integrationledger.command.documentkey.DocumentTargetResolver;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.command.routing.LegalEntityCurrencies;
import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.integrationledger.command.routing.SystemRegistry;
import org.integrationledger.model.invoice.AcknowledgeInvoicePosting;
import org.integrationledger.model.invoice.AcknowledgePaymentConfirmation;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.invoice.MatchBasis;
import org.integrationledger.model.invoice.OverrideInvoiceException;
import org.integrationledger.model.invoice.ReceiveInvoice;
import org.integrationledger.model.invoice.RecordPaymentExecution;
import org.integrationledger.model.invoice.RejectInvoicePosting;
import org.integrationledger.model.invoice.RematchInvoice;
import org.integrationledger.model.invoice.ReportTaxValidation;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reference invoice of the unit tests: INV-1 from supplier SUP-4711, number "INV-0042", billing PO-4711 of
 * US01 (ERP_NA, queue AP-NA): 100 EA ball bearings at 12.50 (line 1, needs a receipt) and 10 EA housings at 80.00
 * (line 2), net 2050.00, tax 164.00, gross 2214.00 USD, submitted by clerk@example.com. The order's lines and
 * receipts come from an in-memory {@link PurchaseOrderFacts}, as the lookup table would hold them.
 */
final class InvoiceFixture {

    static final InvoiceId INVOICE = InvoiceId.of("INV-1");
    static final SupplierId SUPPLIER = SupplierId.of("SUP-4711");
    static final PurchaseOrderId ORDER = PurchaseOrderId.of("PO-4711");
    static final LegalEntityId US01 = LegalEntityId.of("US01");
    static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    static final SystemId ERP_NA = SystemId.of("ERP_NA");
    static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    static final SystemId TAX_ENGINE = SystemId.of("TAX_ENGINE");
    static final SystemId TREASURY = SystemId.of("TREASURY");
    static final String SUBMITTER = "clerk@example.com";
    static final String APPROVER = "na.controller@example.com";
    static final LocalDate INVOICE_DATE = LocalDate.parse("2026-11-24");
    static final Instant RECEIVED_AT = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant LATER = RECEIVED_AT.plusSeconds(3_600);
    static final Instant MUCH_LATER = RECEIVED_AT.plusSeconds(86_400);

    private InvoiceFixture() {
    }

    /** The aggregate with every rule it consults; {@code orders} and {@code claims} are the lookups' contents. */
    static AggregateTestFixture<Invoice> invoices(FakeOrders orders, FakeClaims claims) {
        return invoices(orders, claims, new FakeSuppliers());
    }

    /** The aggregate with the suppliers' standing and bank accounts over business time as {@code suppliers} holds them. */
    static AggregateTestFixture<Invoice> invoices(FakeOrders orders, FakeClaims claims, FakeSuppliers suppliers) {
        InvoiceProperties properties = properties();
        AggregateTestFixture<Invoice> fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerCommandTargetResolver(new DocumentTargetResolver(DocumentKind.INVOICE));
        fixture.registerInjectableResource(orders);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(suppliers);
        fixture.registerInjectableResource(new BeneficiaryControl(new ControlProperties(Duration.ofDays(30))));
        fixture.registerInjectableResource(new DuplicateSuspicion(properties));
        fixture.registerInjectableResource(new MatchingTolerances(properties));
        fixture.registerInjectableResource(new ExceptionRouting(properties));
        fixture.registerInjectableResource(new OverrideAuthority(properties));
        fixture.registerInjectableResource(new TaxRegimes(reference(), properties));
        fixture.registerInjectableResource(new LegalEntityRouting(reference()));
        fixture.registerInjectableResource(new LegalEntityCurrencies(reference()));
        fixture.registerInjectableResource(new SystemRegistry(reference()));
        return fixture;
    }

    static ReferenceDataProperties reference() {
        return new ReferenceDataProperties(Map.of(
                "PROCUREMENT", new ReferenceDataProperties.SystemOfRecord("PROCUREMENT", "procurement platform"),
                "ERP_NA", new ReferenceDataProperties.SystemOfRecord("ERP", "ERP North America"),
                "ERP_EMEA", new ReferenceDataProperties.SystemOfRecord("ERP", "ERP Europe"),
                "TREASURY", new ReferenceDataProperties.SystemOfRecord("TREASURY", "treasury")),
                Map.of("US01", new ReferenceDataProperties.LegalEntity("US", "USD", "ERP_NA", "US_SALES_USE_TAX", "NA", 1),
                        "DE01", new ReferenceDataProperties.LegalEntity("DE", "EUR", "ERP_EMEA", "EU_VAT", "EMEA", 1)));
    }

    /** Reference tolerances (price 0.5 %, quantity exact); DE01 allows 2 % on price but at most 0.10 per unit. */
    static InvoiceProperties properties() {
        return new InvoiceProperties(Duration.ofDays(7), null, "AP-GLOBAL",
                Map.of("US01", new InvoiceProperties.LegalEntitySettings("NA", "AP-NA", null),
                        "DE01", new InvoiceProperties.LegalEntitySettings("EMEA", "AP-EMEA",
                                new InvoiceProperties.Tolerances(
                                        new InvoiceProperties.Tolerance(new BigDecimal("2"), new BigDecimal("0.10")),
                                        new InvoiceProperties.Tolerance(new BigDecimal("5"), null)))),
                Map.of("AP-NA", new InvoiceProperties.QueueSettings(List.of(APPROVER, SUBMITTER)),
                        "AP-EMEA", new InvoiceProperties.QueueSettings(List.of("emea.controller@example.com"))),
                Map.of("US_SALES_USE_TAX", new InvoiceProperties.TaxRegimeSettings(List.of("NEXUS_NOT_REGISTERED",
                                "RATE_MISMATCH")),
                        "EU_VAT", new InvoiceProperties.TaxRegimeSettings(List.of("VAT_ID_INVALID"))));
    }

    static MessageId newMessageId() {
        return MessageId.of("msg-" + UUID.randomUUID());
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    // The purchase order as the lookup holds it

    /** PO-4711: bearings (line 1) and housings (line 2) need receipts; line 3, installation hours, does not. */
    static FakeOrders order(String bearingsReceived, String housingsReceived) {
        FakeOrders orders = new FakeOrders();
        orders.put(new PurchaseOrderFacts.Order(ORDER, SUPPLIER, US01, CurrencyCode.of("USD"), Map.of(
                1, orderLine(1, "100", "EA", "12.50", true, bearingsReceived),
                2, orderLine(2, "10", "EA", "80.00", true, housingsReceived),
                3, orderLine(3, "8", "H", "95.00", false, "0"))));
        return orders;
    }

    static PurchaseOrderFacts.Line orderLine(int number, String quantity, String unit, String price, boolean receipt,
                                             String received) {
        return new PurchaseOrderFacts.Line(number, Quantity.of(quantity, unit), UnitPrice.of(price, "USD"), receipt,
                Quantity.of(received, unit));
    }

    // The invoice

    static InvoiceLine bearings(String quantity, String price) {
        return new InvoiceLine(1, 1, Quantity.of(quantity, "EA"), UnitPrice.of(price, "USD"), "S1");
    }

    static InvoiceLine housings(String quantity, String price) {
        return new InvoiceLine(2, 2, Quantity.of(quantity, "EA"), UnitPrice.of(price, "USD"), "S1");
    }

    static InvoiceLine installation(String hours) {
        return new InvoiceLine(3, 3, Quantity.of(hours, "H"), UnitPrice.of("95.00", "USD"), "S0");
    }

    static List<InvoiceLine> standardLines() {
        return List.of(bearings("100", "12.50"), housings("10", "80.00"));
    }

    static ReceiveInvoice receive(String number, LocalDate date, List<InvoiceLine> lines, String net, String tax,
                                  String gross) {
        return new ReceiveInvoice(newMessageId(), PROCUREMENT, RECEIVED_AT, INVOICE, SUPPLIER,
                SupplierInvoiceNumber.of(number), date, ORDER, lines, usd(net), usd(tax), usd(gross), SUBMITTER);
    }

    static ReceiveInvoice receive(List<InvoiceLine> lines, String net, String tax, String gross) {
        return receive("INV-0042", INVOICE_DATE, lines, net, tax, gross);
    }

    static ReceiveInvoice receiveStandard() {
        return receive(standardLines(), "2050.00", "164.00", "2214.00");
    }

    static InvoiceReceived received(List<InvoiceLine> lines, String net, String tax, String gross) {
        return new InvoiceReceived(INVOICE, US01, SUPPLIER, SupplierInvoiceNumber.of("INV-0042"), "INV42",
                INVOICE_DATE, ORDER, ERP_NA, "NA", "AP-NA", "US_SALES_USE_TAX", lines, usd(net), usd(tax), usd(gross),
                SUBMITTER, PROCUREMENT, RECEIVED_AT);
    }

    static InvoiceReceived receivedStandard() {
        return received(standardLines(), "2050.00", "164.00", "2214.00");
    }

    // Match results

    static LineMatch matchedLine(InvoiceLine line, String expected) {
        return new LineMatch(line.lineNumber(), line.purchaseOrderLine(),
                line.lineNumber() == 3 ? MatchBasis.TWO_WAY : MatchBasis.THREE_WAY,
                line.quantity(), Quantity.of(expected, line.quantity().unitOfMeasure()),
                normalized(line.quantity().value().subtract(new BigDecimal(expected))),
                line.unitPrice(), line.unitPrice(), BigDecimal.ZERO, BigDecimal.ZERO, List.of());
    }

    static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static InvoiceMatched matched(String trigger, SystemId system, Instant at, LineMatch... lines) {
        return new InvoiceMatched(INVOICE, US01, ORDER, Arrays.asList(lines), trigger, system, at);
    }

    static InvoiceExceptionRaised exceptionRaised(int number, ExceptionKind kind, Money variance, String detail,
                                                  SystemId system, Instant at) {
        return exceptionRaised(number, kind, variance, detail, List.of(), system, at);
    }

    static InvoiceExceptionRaised exceptionRaised(int number, ExceptionKind kind, Money variance, String detail,
                                                  List<InvoiceId> suspectedDuplicateOf, SystemId system, Instant at) {
        return new InvoiceExceptionRaised(INVOICE, US01, number, kind, "NA", "AP-NA", SUPPLIER, ORDER, usd("2214.00"),
                variance, detail, suspectedDuplicateOf, system, at);
    }

    static InvoiceExceptionResolved exceptionResolved(int number, ExceptionKind kind, ExceptionResolution resolution,
                                                      String by, String reason, SystemId system, Instant at) {
        return new InvoiceExceptionResolved(INVOICE, US01, number, kind, resolution, by, reason, system, at);
    }

    /** The standard invoice received with 60 of 100 bearings delivered: a quantity variance on line 1. */
    static List<Object> receivedShort() {
        List<LineMatch> lines = List.of(
                new LineMatch(1, 1, MatchBasis.THREE_WAY, Quantity.of("100", "EA"), Quantity.of("60", "EA"),
                        new BigDecimal("40"), UnitPrice.of("12.50", "USD"), UnitPrice.of("12.50", "USD"),
                        BigDecimal.ZERO, BigDecimal.ZERO, List.of("invoiced 100 EA, received 60 (allowed over: 0)")),
                matchedLine(housings("10", "80.00"), "10"));
        return List.of(receivedStandard(),
                new InvoiceMatchVarianceFound(INVOICE, US01, ORDER, lines, usd("500.00"), Invoice.ON_RECEIPT,
                        PROCUREMENT, RECEIVED_AT),
                exceptionRaised(1, ExceptionKind.MATCH_VARIANCE, usd("500.00"),
                        "line 1: invoiced 100 EA, received 60 (allowed over: 0)", PROCUREMENT, RECEIVED_AT));
    }

    /** The standard invoice received and matched (everything delivered). */
    static List<Object> receivedMatched() {
        return List.of(receivedStandard(), matched(Invoice.ON_RECEIPT, PROCUREMENT, RECEIVED_AT,
                matchedLine(bearings("100", "12.50"), "100"), matchedLine(housings("10", "80.00"), "10")));
    }

    static List<Object> plus(List<Object> given, Object... more) {
        List<Object> all = new ArrayList<>(given);
        all.addAll(Arrays.asList(more));
        return all;
    }

    // Other commands

    static RematchInvoice rematch(String receiptNumber) {
        return new RematchInvoice(INVOICE, receiptNumber, "goods receipt " + receiptNumber, PROCUREMENT, LATER);
    }

    static ReportTaxValidation taxValidated() {
        return new ReportTaxValidation(newMessageId(), TAX_ENGINE, LATER, INVOICE, true, List.of(), null);
    }

    static ReportTaxValidation taxFailed(String... reasonCodes) {
        return new ReportTaxValidation(newMessageId(), TAX_ENGINE, LATER, INVOICE, false, List.of(reasonCodes),
                "ship-to state not registered");
    }

    static OverrideInvoiceException override(ExceptionKind kind, String approver) {
        return new OverrideInvoiceException(newMessageId(), PROCUREMENT, MUCH_LATER, INVOICE, kind, approver,
                "price agreed by phone with the supplier");
    }

    static AcknowledgeInvoicePosting posting(SystemId erp, Instant at) {
        return new AcknowledgeInvoicePosting(newMessageId(), erp, at, INVOICE, "5100000001", "2026-11");
    }

    static RejectInvoicePosting postingRejection(Instant at) {
        return new RejectInvoicePosting(newMessageId(), ERP_NA, at, INVOICE, "PERIOD_CLOSED", "posting period closed");
    }

    /** The account the supplier's golden record holds in the tests that have one (and every payment's default). */
    static final ProtectedBankAccount SUPPLIER_ACCOUNT = account("3000", 'a');
    /** Another account: the one a fraudster's change or an outdated ERP copy pays. */
    static final ProtectedBankAccount OTHER_ACCOUNT = account("5555", 'b');

    static ProtectedBankAccount account(String lastFour, char fingerprintDigit) {
        return new ProtectedBankAccount("****" + lastFour, "hmac-sha256:" + String.valueOf(fingerprintDigit).repeat(64));
    }

    static RecordPaymentExecution payment(String reference, String amount) {
        return payment(reference, amount, SUPPLIER_ACCOUNT, MUCH_LATER);
    }

    static RecordPaymentExecution payment(String reference, String amount, ProtectedBankAccount beneficiary,
                                          Instant at) {
        return new RecordPaymentExecution(newMessageId(), TREASURY, at, INVOICE, reference, usd(amount),
                LocalDate.parse("2026-12-24"), beneficiary);
    }

    static InvoicePaymentExecuted paymentExecuted(String reference, String amount, String totalPaid) {
        return paymentExecuted(reference, amount, totalPaid, SUPPLIER_ACCOUNT, MUCH_LATER);
    }

    static InvoicePaymentExecuted paymentExecuted(String reference, String amount, String totalPaid,
                                                  ProtectedBankAccount beneficiary, Instant at) {
        return new InvoicePaymentExecuted(INVOICE, US01, SUPPLIER, reference, usd(amount),
                LocalDate.parse("2026-12-24"), usd(totalPaid), usd("2214.00"), beneficiary, TREASURY, at);
    }

    static AcknowledgePaymentConfirmation confirmation(String reference) {
        return new AcknowledgePaymentConfirmation(newMessageId(), PROCUREMENT, MUCH_LATER.plusSeconds(300), INVOICE,
                reference);
    }

    // Expectations

    static CommandOutcome outcome(long ledgerVersion, Class<?>... recorded) {
        return new CommandOutcome(INVOICE.value(), ledgerVersion,
                Arrays.stream(recorded).map(Class::getSimpleName).toList());
    }

    static Matcher<Throwable> ruleViolation(ErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown, Description mismatch) {
                if (!(thrown instanceof RuleViolation violation) || violation.rejection().code() != code) {
                    mismatch.appendText("was ").appendValue(thrown);
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

    /** The purchase-order lookup as a map, so a test states exactly what was ordered and received. */
    static final class FakeOrders implements PurchaseOrderFacts {

        private final Map<PurchaseOrderId, Order> orders = new HashMap<>();
        private final Map<Integer, BigDecimal> billedElsewhere = new HashMap<>();

        void put(Order order) {
            orders.put(order.purchaseOrderId(), order);
        }

        /** Another invoice already billed {@code quantity} on {@code line}. */
        FakeOrders billed(int line, String quantity) {
            billedElsewhere.put(line, new BigDecimal(quantity));
            return this;
        }

        @Override
        public Optional<Order> find(PurchaseOrderId purchaseOrderId) {
            return Optional.ofNullable(orders.get(purchaseOrderId));
        }

        @Override
        public Map<Integer, BigDecimal> billedElsewhere(PurchaseOrderId purchaseOrderId, InvoiceId excluding) {
            return Map.copyOf(billedElsewhere);
        }
    }

    /** The invoice-number claims as a list of earlier invoices. */
    static final class FakeClaims implements InvoiceNumberClaims {

        private final List<ClaimedInvoice> claims = new ArrayList<>();

        FakeClaims with(String invoiceId, String number, LocalDate date, String gross) {
            claims.add(new ClaimedInvoice(InvoiceId.of(invoiceId), number, date, usd(gross)));
            return this;
        }

        @Override
        public Optional<ClaimedInvoice> holderOf(SupplierId supplier, String normalizedNumber) {
            return claims.stream().filter(claim -> SupplierInvoiceNumber.of(claim.supplierInvoiceNumber()).normalized()
                    .equals(normalizedNumber)).findFirst();
        }

        @Override
        public List<ClaimedInvoice> withSameGross(SupplierId supplier, Money gross) {
            return claims.stream().filter(claim -> claim.gross().equals(gross)).toList();
        }

        @Override
        public List<InvoiceId> referencing(PurchaseOrderId purchaseOrderId) {
            return claims.stream().map(ClaimedInvoice::invoiceId).toList();
        }
    }
}
