package org.integrationledger.command.supplier;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.BlockSupplier;
import org.integrationledger.model.supplier.ChangeSupplierDetails;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierDetailsChanged;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.integrationledger.model.supplier.UnblockSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.integrationledger.command.supplier.SupplierFixture.*;

/** Only the owning system changes the golden record; every change is a new version sent to every target. */
class GoldenRecordOwnershipTest {

    private AggregateTestFixture<Supplier> fixture;

    @BeforeEach
    void setUp() {
        fixture = suppliers();
    }

    @Test
    void theOwnersChangeIsANewVersionPropagatedToEveryTarget() {
        fixture.given(activeSupplier())
                .when(change(ERP_NA))
                .expectEvents(new SupplierDetailsChanged(SUPPLIER, 2, "Kugellager Werke SE", List.of(REMIT_TO),
                        "NET45", "vendor.master@example.com", ERP_NA, CHANGED_AT), propagationRequested(2, CHANGED_AT))
                .expectResultMessagePayload(outcome(5, SupplierDetailsChanged.class,
                        SupplierVersionPropagationRequested.class));
    }

    @Test
    void rejectsAChangeFromAnyOtherSystemAndRecordsNothing() {
        for (SystemId other : List.of(ERP_EMEA, PROCUREMENT)) {
            suppliers().given(activeSupplier())
                    .when(change(other))
                    .expectNoEvents()
                    .expectException(ruleViolation(ErrorCode.NOT_GOLDEN_RECORD_OWNER))
                    .expectExceptionMessage("system " + other + " does not own the supplier golden record; only "
                            + "ERP_NA changes it, every other system holds a copy");
        }
    }

    @Test
    void rejectsAChangeBeforeTheGoldenRecordExists() {
        fixture.given(requested(), approved())
                .when(change(ERP_NA))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.SUPPLIER_NOT_APPROVED));
    }

    @Test
    void blockingAndUnblockingPropagateAsNewVersions() {
        fixture.given(activeSupplier())
                .when(new BlockSupplier(newMessageId(), ERP_NA, CHANGED_AT, SUPPLIER, "fraud suspicion"))
                .expectEvents(new SupplierBlocked(SUPPLIER, 2, "fraud suspicion", ERP_NA, CHANGED_AT),
                        propagationRequested(2, CHANGED_AT));
        suppliers().given(activeSupplier())
                .andGiven(new SupplierBlocked(SUPPLIER, 2, "fraud suspicion", ERP_NA, CHANGED_AT),
                        propagationRequested(2, CHANGED_AT))
                .when(new UnblockSupplier(newMessageId(), ERP_NA, CHANGED_AT, SUPPLIER, "cleared"))
                .expectEvents(new SupplierUnblocked(SUPPLIER, 3, "cleared", ERP_NA, CHANGED_AT),
                        propagationRequested(3, CHANGED_AT));
    }

    @Test
    void rejectsBlockingByANonOwnerOrTwiceAndUnblockingWhatIsNotBlocked() {
        fixture.given(activeSupplier())
                .when(new BlockSupplier(newMessageId(), ERP_EMEA, CHANGED_AT, SUPPLIER, "fraud suspicion"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.NOT_GOLDEN_RECORD_OWNER));
        suppliers().given(activeSupplier())
                .andGiven(new SupplierBlocked(SUPPLIER, 2, "fraud suspicion", ERP_NA, CHANGED_AT))
                .when(new BlockSupplier(newMessageId(), ERP_NA, CHANGED_AT, SUPPLIER, "again"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.SUPPLIER_ALREADY_BLOCKED));
        suppliers().given(activeSupplier())
                .when(new UnblockSupplier(newMessageId(), ERP_NA, CHANGED_AT, SUPPLIER, "cleared"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.SUPPLIER_NOT_BLOCKED));
    }

    @Test
    void refusesToStartWithAnOwnerThatIsNotAConfiguredErpOrMdmSystem() {
        for (String owner : List.of("PROCUREMENT", "ERP_APAC")) {
            SupplierProperties misconfigured = new SupplierProperties(owner, "unit-test-secret-unit-test-secret-0123",
                    Map.of());
            assertThatThrownBy(() -> new GoldenRecordOwnership(misconfigured, reference()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("golden-record-owner " + owner);
        }
    }

    private static ChangeSupplierDetails change(SystemId by) {
        return new ChangeSupplierDetails(newMessageId(), by, CHANGED_AT, SUPPLIER, "Kugellager Werke SE",
                List.of(REMIT_TO), "NET45", "vendor.master@example.com");
    }
}
