package org.integrationledger.command.supplier;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.supplier.ApproveSupplierRequest;
import org.integrationledger.model.supplier.CreateGoldenRecord;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.RejectSupplierRequest;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.integrationledger.command.supplier.SupplierFixture.*;

/** Procurement requests a supplier, its workflow approves or rejects it, and the owner creates the golden record. */
class SupplierOnboardingTest {

    private AggregateTestFixture<Supplier> fixture;

    @BeforeEach
    void setUp() {
        fixture = suppliers();
    }

    @Test
    void recordsTheRequestWithTheBankAccountOnlyProtected() {
        fixture.givenNoPriorActivity()
                .when(request())
                .expectEvents(requested())
                .expectResultMessagePayload(outcome(0, SupplierRequested.class));
    }

    @Test
    void rejectsASecondRequestForTheSameSupplier() {
        fixture.given(requested())
                .when(request())
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.SUPPLIER_ALREADY_REQUESTED));
    }

    @Test
    void rejectsARequestForALegalEntityWithoutRoute() {
        fixture.givenNoPriorActivity()
                .when(request(List.of(LegalEntityId.of("BR01"))))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.UNKNOWN_LEGAL_ENTITY));
    }

    @Test
    void recordsTheApprovalOfAPendingRequest() {
        fixture.given(requested())
                .when(new ApproveSupplierRequest(newMessageId(), PROCUREMENT, APPROVED_AT, SUPPLIER,
                        "head.of.procurement@example.com"))
                .expectEvents(approved())
                .expectResultMessagePayload(outcome(1, SupplierRequestApproved.class));
    }

    @Test
    void recordsTheRejectionOfAPendingRequest() {
        fixture.given(requested())
                .when(new RejectSupplierRequest(newMessageId(), PROCUREMENT, APPROVED_AT, SUPPLIER, "compliance",
                        "sanctions screening hit"))
                .expectEvents(new SupplierRequestRejected(SUPPLIER, "compliance", "sanctions screening hit",
                        PROCUREMENT, APPROVED_AT))
                .expectResultMessagePayload(outcome(1, SupplierRequestRejected.class));
    }

    @Test
    void rejectsDecidingARequestTwice() {
        fixture.given(requested(), approved())
                .when(new RejectSupplierRequest(newMessageId(), PROCUREMENT, APPROVED_AT, SUPPLIER, "compliance",
                        "changed my mind"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.SUPPLIER_REQUEST_NOT_PENDING));
    }

    @Test
    void theOwnerCreatesTheGoldenRecordAndItIsSentToEveryTarget() {
        fixture.given(requested(), approved())
                .when(new CreateGoldenRecord(newMessageId(), ERP_NA, CREATED_AT, SUPPLIER, VENDOR_NUMBER))
                .expectEvents(goldenRecordCreated(), propagationRequested(1, CREATED_AT))
                .expectResultMessagePayload(outcome(3, GoldenRecordCreated.class,
                        SupplierVersionPropagationRequested.class));
    }

    @Test
    void rejectsAGoldenRecordFromASystemThatDoesNotOwnIt() {
        fixture.given(requested(), approved())
                .when(new CreateGoldenRecord(newMessageId(), ERP_EMEA, CREATED_AT, SUPPLIER, "E-77"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.NOT_GOLDEN_RECORD_OWNER));
    }

    @Test
    void rejectsAGoldenRecordBeforeApprovalOrAfterRejection() {
        fixture.given(requested())
                .when(new CreateGoldenRecord(newMessageId(), ERP_NA, CREATED_AT, SUPPLIER, VENDOR_NUMBER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.SUPPLIER_NOT_APPROVED));
        suppliers().given(requested(), new SupplierRequestRejected(SUPPLIER, "compliance", "no", PROCUREMENT,
                        APPROVED_AT))
                .when(new CreateGoldenRecord(newMessageId(), ERP_NA, CREATED_AT, SUPPLIER, VENDOR_NUMBER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.SUPPLIER_NOT_APPROVED));
    }

    @Test
    void rejectsASecondGoldenRecord() {
        fixture.given(activeSupplier())
                .when(new CreateGoldenRecord(newMessageId(), ERP_NA, CREATED_AT, SUPPLIER, VENDOR_NUMBER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.GOLDEN_RECORD_ALREADY_CREATED));
    }
}
