package org.integrationledger.command.supplier;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.integrationledger.command.documentkey.DocumentTargetResolver;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.Address;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.RequestSupplier;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.integrationledger.model.supplier.TaxId;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reference supplier of the unit tests: SUP-0815, Kugellager Werke GmbH (VAT DE 123456789), requested by
 * procurement for DE01 and US01. ERP_NA owns golden records, so each version must reach PROCUREMENT and
 * ERP_EMEA (DE01's ERP); ERP_NA holds it by definition.
 */
final class SupplierFixture {

    static final SupplierId SUPPLIER = SupplierId.of("SUP-0815");
    static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    static final SystemId ERP_NA = SystemId.of("ERP_NA");
    static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    static final LegalEntityId DE01 = LegalEntityId.of("DE01");
    static final LegalEntityId US01 = LegalEntityId.of("US01");
    static final TaxId VAT = new TaxId("VAT", "DE", "DE123456789");
    static final Address REMIT_TO = new Address("REMIT_TO", "Industriestr. 1", "Schweinfurt", "97421", "DE");
    static final String IBAN = "DE89370400440532013000";
    static final String NEW_IBAN = "DE02120300000000202051";
    static final String VENDOR_NUMBER = "V-100042";
    static final Instant REQUESTED_AT = Instant.parse("2026-11-23T08:00:00Z");
    static final Instant APPROVED_AT = REQUESTED_AT.plusSeconds(3_600);
    static final Instant CREATED_AT = REQUESTED_AT.plusSeconds(7_200);
    static final Instant CHANGED_AT = REQUESTED_AT.plusSeconds(86_400);
    static final List<PropagationTarget> TARGETS = List.of(new PropagationTarget(PROCUREMENT, "GLOBAL"),
            new PropagationTarget(ERP_EMEA, "EMEA"));

    static final BankAccountProtection PROTECTION = new BankAccountProtection(properties());

    private SupplierFixture() {
    }

    static SupplierProperties properties() {
        return new SupplierProperties("ERP_NA", "unit-test-secret-unit-test-secret-0123",
                Map.of("PROCUREMENT", "GLOBAL", "ERP_NA", "NA", "ERP_EMEA", "EMEA"));
    }

    /** A fixture with ERP_NA as owner, the reference routing, and a tax-id lookup the test can fill. */
    static AggregateTestFixture<Supplier> suppliers(Map<String, SupplierId> claimedTaxIds) {
        AggregateTestFixture<Supplier> fixture = new AggregateTestFixture<>(Supplier.class);
        fixture.registerCommandTargetResolver(new DocumentTargetResolver(DocumentKind.SUPPLIER));
        fixture.registerInjectableResource((TaxIdClaims) taxId -> Optional.ofNullable(claimedTaxIds.get(taxId)));
        fixture.registerInjectableResource(new GoldenRecordOwnership(properties(), reference()));
        fixture.registerInjectableResource(new PropagationTargets(routing(), properties()));
        return fixture;
    }

    static AggregateTestFixture<Supplier> suppliers() {
        return suppliers(new HashMap<>());
    }

    static LegalEntityRouting routing() {
        return new LegalEntityRouting(reference());
    }

    static ReferenceDataProperties reference() {
        return new ReferenceDataProperties(
                Map.of("PROCUREMENT", new ReferenceDataProperties.SystemOfRecord("PROCUREMENT", "procurement"),
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

    static ProtectedBankAccount account(String iban) {
        return PROTECTION.protect(iban);
    }

    static RequestSupplier request(TaxId... taxIds) {
        return request(List.of(DE01, US01), taxIds);
    }

    static RequestSupplier request(List<LegalEntityId> legalEntities, TaxId... taxIds) {
        return new RequestSupplier(newMessageId(), PROCUREMENT, REQUESTED_AT, SUPPLIER, "Kugellager Werke GmbH",
                taxIds.length == 0 ? List.of(VAT) : Arrays.asList(taxIds), List.of(REMIT_TO), "NET30", account(IBAN),
                legalEntities, "buyer.anna@example.com");
    }

    static SupplierRequested requested() {
        return new SupplierRequested(SUPPLIER, "Kugellager Werke GmbH", List.of(VAT), List.of(REMIT_TO), "NET30",
                account(IBAN), List.of(DE01, US01), "buyer.anna@example.com", PROCUREMENT, REQUESTED_AT);
    }

    static SupplierRequestApproved approved() {
        return new SupplierRequestApproved(SUPPLIER, "head.of.procurement@example.com", PROCUREMENT, APPROVED_AT);
    }

    static GoldenRecordCreated goldenRecordCreated() {
        return new GoldenRecordCreated(SUPPLIER, ERP_NA, VENDOR_NUMBER, 1, "Kugellager Werke GmbH", List.of(VAT),
                List.of(REMIT_TO), "NET30", account(IBAN), ERP_NA, CREATED_AT);
    }

    static SupplierVersionPropagationRequested propagationRequested(int version, Instant at) {
        return new SupplierVersionPropagationRequested(SUPPLIER, version, TARGETS, ERP_NA, at);
    }

    /** Requested, approved, golden record version 1 created by ERP_NA and sent to its targets. */
    static Object[] activeSupplier() {
        return new Object[] {requested(), approved(), goldenRecordCreated(), propagationRequested(1, CREATED_AT)};
    }

    static CommandOutcome outcome(long ledgerVersion, Class<?>... recorded) {
        return new CommandOutcome(SUPPLIER.value(), ledgerVersion,
                Arrays.stream(recorded).map(Class::getSimpleName).toList());
    }

    /** A {@link RuleViolation} with {@code code}, the part of a rejection connectors rely on. */
    static Matcher<Throwable> ruleViolation(ErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown, Description mismatch) {
                if (thrown instanceof RuleViolation violation && violation.rejection().code() == code) {
                    return true;
                }
                mismatch.appendText("was ").appendValue(thrown);
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation with code ").appendValue(code);
            }
        };
    }
}
