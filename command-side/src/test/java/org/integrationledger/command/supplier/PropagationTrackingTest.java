package org.integrationledger.command.supplier;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.AcknowledgeSupplierCopy;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.ReportSupplierPropagationFailure;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierPropagationFailed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.integrationledger.command.supplier.SupplierFixture.*;

/**
 * Each target acknowledges the versions it holds, in whatever order its messages arrive; a late acknowledgment
 * of an older version is recorded as stale, and copies are compared by bank fingerprint, never by number.
 */
class PropagationTrackingTest {

    private static final Instant ACKED_AT = CHANGED_AT.plusSeconds(600);

    private AggregateTestFixture<Supplier> fixture;

    @BeforeEach
    void setUp() {
        fixture = suppliers();
    }

    @Test
    void recordsATargetsAcknowledgmentWithItsReferenceAndTheBankComparison() {
        fixture.given(activeSupplier())
                .when(ack(ERP_EMEA, 1, account(IBAN)))
                .expectEvents(acknowledged(ERP_EMEA, 1, account(IBAN), true))
                .expectResultMessagePayload(outcome(4, SupplierCopyAcknowledged.class));
    }

    @Test
    void flagsACopyHoldingAnotherBankAccount() {
        fixture.given(activeSupplier())
                .when(ack(ERP_EMEA, 1, account(NEW_IBAN)))
                .expectEvents(acknowledged(ERP_EMEA, 1, account(NEW_IBAN), false));
    }

    @Test
    void recordsALateAcknowledgmentOfAnOlderVersionAsStale() {
        fixture.given(activeSupplier())
                .andGiven(new SupplierBlocked(SUPPLIER, 2, "fraud suspicion", ERP_NA, CHANGED_AT),
                        propagationRequested(2, CHANGED_AT), acknowledged(ERP_EMEA, 2, null, null))
                .when(ack(ERP_EMEA, 1, null))
                .expectEvents(new StaleSupplierAcknowledgmentRecorded(SUPPLIER, 1, 2, "E-4711", ERP_EMEA, ACKED_AT))
                .expectResultMessagePayload(outcome(7, StaleSupplierAcknowledgmentRecorded.class));
    }

    @Test
    void acceptsVersionsAcknowledgedOutOfOrderAcrossSystems() {
        fixture.given(activeSupplier())
                .andGiven(new SupplierBlocked(SUPPLIER, 2, "fraud suspicion", ERP_NA, CHANGED_AT),
                        propagationRequested(2, CHANGED_AT), acknowledged(ERP_EMEA, 2, null, null))
                .when(ack(PROCUREMENT, 1, null))
                .expectEvents(acknowledged(PROCUREMENT, 1, null, null));
    }

    @Test
    void rejectsAnAcknowledgmentOfAVersionThatDoesNotExistYet() {
        fixture.given(activeSupplier())
                .when(ack(ERP_EMEA, 2, null))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.SUPPLIER_VERSION_UNKNOWN));
    }

    @Test
    void recordsAnAcknowledgmentFromASystemThatIsNotATarget() {
        // The system does hold a copy, ungoverned: recorded, and flagged WRONG_SYSTEM in the reconciliation view.
        SystemId apac = SystemId.of("ERP_APAC");
        fixture.given(activeSupplier())
                .when(ack(apac, 1, null))
                .expectEvents(acknowledged(apac, 1, null, null));
    }

    @Test
    void recordsAFailureFromASystemThatIsNotATarget() {
        SystemId apac = SystemId.of("ERP_APAC");
        fixture.given(activeSupplier())
                .when(new ReportSupplierPropagationFailure(newMessageId(), apac, ACKED_AT, SUPPLIER, 1, "unknown"))
                .expectEvents(new SupplierPropagationFailed(SUPPLIER, 1, "unknown", apac, ACKED_AT));
    }

    @Test
    void recordsAFailureWithItsReason() {
        fixture.given(activeSupplier())
                .when(new ReportSupplierPropagationFailure(newMessageId(), ERP_EMEA, ACKED_AT, SUPPLIER, 1,
                        "payment terms NET30 unknown in company code DE01"))
                .expectEvents(new SupplierPropagationFailed(SUPPLIER, 1,
                        "payment terms NET30 unknown in company code DE01", ERP_EMEA, ACKED_AT));
    }

    private static AcknowledgeSupplierCopy ack(SystemId system, int version, ProtectedBankAccount held) {
        return new AcknowledgeSupplierCopy(newMessageId(), system, ACKED_AT, SUPPLIER, version, "E-4711", held);
    }

    private static SupplierCopyAcknowledged acknowledged(SystemId system, int version, ProtectedBankAccount held,
                                                         Boolean matches) {
        return new SupplierCopyAcknowledged(SUPPLIER, version, "E-4711", held, matches, system, ACKED_AT);
    }
}
