package org.integrationledger.command.supplier;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.supplier.ApproveBankAccountChange;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
import org.integrationledger.model.supplier.ProposeBankAccountChange;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.integrationledger.command.supplier.SupplierFixture.*;

/** A bank-account change takes effect and propagates only after a second, different person approves it. */
class FourEyesBankAccountChangeTest {

    private static final String CLERK = "ap.clerk@example.com";
    private static final String CONTROLLER = "controller@example.com";

    private AggregateTestFixture<Supplier> fixture;

    @BeforeEach
    void setUp() {
        fixture = suppliers();
    }

    @Test
    void aProposalIsRecordedAsPendingWithoutANewVersion() {
        fixture.given(activeSupplier())
                .when(new ProposeBankAccountChange(newMessageId(), ERP_NA, CHANGED_AT, SUPPLIER, account(NEW_IBAN),
                        CLERK))
                .expectEvents(proposed())
                .expectResultMessagePayload(outcome(4, BankAccountChangeProposed.class));
    }

    @Test
    void aSecondPersonsApprovalMakesItTheNewVersionAndPropagatesIt() {
        fixture.given(activeSupplier())
                .andGiven(proposed())
                .when(approve(CONTROLLER))
                .expectEvents(new BankAccountChangeApproved(SUPPLIER, 2, account(IBAN), account(NEW_IBAN), CLERK,
                        CONTROLLER, ERP_NA, CHANGED_AT), propagationRequested(2, CHANGED_AT))
                .expectResultMessagePayload(outcome(6, BankAccountChangeApproved.class,
                        SupplierVersionPropagationRequested.class));
    }

    @Test
    void rejectsTheProposerApprovingTheirOwnChangeHoweverTheyWriteTheirName() {
        fixture.given(activeSupplier())
                .andGiven(proposed())
                .when(approve(" AP.Clerk@example.com "))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.FOUR_EYES_REQUIRED));
    }

    @Test
    void rejectsAnApprovalWithNothingPending() {
        fixture.given(activeSupplier())
                .when(approve(CONTROLLER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.NO_PENDING_BANK_ACCOUNT_CHANGE));
    }

    @Test
    void rejectsAnApprovalOnceTheChangeWasApplied() {
        fixture.given(activeSupplier())
                .andGiven(proposed(), new BankAccountChangeApproved(SUPPLIER, 2, account(IBAN), account(NEW_IBAN),
                        CLERK, CONTROLLER, ERP_NA, CHANGED_AT))
                .when(approve("another.controller@example.com"))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.NO_PENDING_BANK_ACCOUNT_CHANGE));
    }

    @Test
    void rejectsProposalsAndApprovalsFromASystemThatDoesNotOwnTheRecord() {
        fixture.given(activeSupplier())
                .when(new ProposeBankAccountChange(newMessageId(), PROCUREMENT, CHANGED_AT, SUPPLIER,
                        account(NEW_IBAN), CLERK))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.NOT_GOLDEN_RECORD_OWNER));
        suppliers().given(activeSupplier())
                .andGiven(proposed())
                .when(new ApproveBankAccountChange(newMessageId(), ERP_EMEA, CHANGED_AT, SUPPLIER, CONTROLLER))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.NOT_GOLDEN_RECORD_OWNER));
    }

    private static BankAccountChangeProposed proposed() {
        return new BankAccountChangeProposed(SUPPLIER, account(NEW_IBAN), CLERK, ERP_NA, CHANGED_AT);
    }

    private static ApproveBankAccountChange approve(String approver) {
        return new ApproveBankAccountChange(newMessageId(), ERP_NA, CHANGED_AT, SUPPLIER, approver);
    }
}
