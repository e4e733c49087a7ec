package org.integrationledger.query.supplier;

import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierCopyStatus;
import org.integrationledger.model.supplier.SupplierDetailsChanged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierPropagationFailed;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierState;
import org.integrationledger.model.supplier.SupplierSummary;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.integrationledger.query.fold.FoldFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.query.fold.FoldFixture.recorded;

/**
 * The supplier views' fold: given these events, the golden record as the ledger knows it and each target system's
 * copy (since when it is behind, and what a late message or a failure changes).
 */
class SupplierFoldTest {

    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final SystemId MDM = SystemId.of("MDM");
    private static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");
    private static final Instant V1_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant V2_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant V3_AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final ProtectedBankAccount OLD_ACCOUNT = account("****1111", 'a');
    private static final ProtectedBankAccount NEW_ACCOUNT = account("****2222", 'b');

    private final FoldFixture<SupplierEvent, SupplierStates> fixture = FoldFixture.of(new SupplierFold());

    @Test
    void aRequestedSupplierIsKnownByNameRequestersAndMaskedAccount() {
        SupplierSummary supplier = summary(requested());

        assertThat(supplier.state()).isEqualTo(SupplierState.REQUESTED);
        assertThat(supplier.legalName()).isEqualTo("Kugellager Werke GmbH");
        assertThat(supplier.requestingLegalEntities()).containsExactly("DE01", "FR01");
        assertThat(supplier.bankAccountMasked()).isEqualTo("****1111");
        assertThat(supplier.goldenRecordVersion()).isNull();
    }

    @Test
    void approvalAndRejectionSetTheState() {
        assertThat(summary(requested(), new SupplierRequestRejected(SUPPLIER, "mdm", "dup", MDM, V1_AT)).state())
                .isEqualTo(SupplierState.REJECTED);
        assertThat(summary(new SupplierRequestApproved(SUPPLIER, "mdm", MDM, V1_AT)).state())
                .isEqualTo(SupplierState.APPROVED);
    }

    @Test
    void theGoldenRecordMakesTheSupplierActiveInVersionOneWithItsOwnersVendorNumber() {
        SupplierSummary supplier = summary(requested(), golden());

        assertThat(supplier.state()).isEqualTo(SupplierState.ACTIVE);
        assertThat(supplier.goldenRecordVersion()).isEqualTo(1);
        assertThat(supplier.owner()).isEqualTo(MDM);
        assertThat(supplier.vendorNumbers()).containsEntry("MDM", "V-100");
    }

    @Test
    void changedDetailsRenameTheSupplierAndEveryCopy() {
        SupplierStates supplier = given(requested(), golden(), propagated(1, V1_AT, ERP_EMEA, ERP_NA),
                new SupplierDetailsChanged(SUPPLIER, 2, "KWG AG", List.of(), "NET30", "mdm", MDM, V2_AT));

        assertThat(supplier.supplier().legalName()).isEqualTo("KWG AG");
        assertThat(supplier.supplier().goldenRecordVersion()).isEqualTo(2);
        assertThat(supplier.copies().values()).extracting(SupplierCopyState::legalName)
                .containsExactly("KWG AG", "KWG AG");
    }

    @Test
    void aProposedAccountIsPendingUntilApprovedAndThenReplacesTheOldOne() {
        SupplierSummary proposed = summary(requested(), golden(),
                new BankAccountChangeProposed(SUPPLIER, NEW_ACCOUNT, "clerk", MDM, V1_AT));

        assertThat(proposed.bankAccountMasked()).isEqualTo("****1111");
        assertThat(proposed.pendingBankAccountMasked()).isEqualTo("****2222");
        assertThat(proposed.pendingBankAccountProposedBy()).isEqualTo("clerk");

        SupplierSummary approved = summary(new BankAccountChangeApproved(SUPPLIER, 2, OLD_ACCOUNT, NEW_ACCOUNT,
                "clerk", "controller", MDM, V2_AT));

        assertThat(approved.bankAccountMasked()).isEqualTo("****2222");
        assertThat(approved.bankAccountFingerprint()).isEqualTo(NEW_ACCOUNT.fingerprint());
        assertThat(approved.pendingBankAccountMasked()).isNull();
        assertThat(approved.pendingBankAccountProposedBy()).isNull();
        assertThat(approved.lastBankAccountApprovedBy()).isEqualTo("controller");
        assertThat(approved.goldenRecordVersion()).isEqualTo(2);
    }

    @Test
    void blockingAndUnblockingAreNewVersions() {
        assertThat(summary(requested(), golden(), new SupplierBlocked(SUPPLIER, 2, "fraud", MDM, V1_AT)))
                .extracting(SupplierSummary::blocked, SupplierSummary::goldenRecordVersion).containsExactly(true, 2);
        assertThat(summary(new SupplierUnblocked(SUPPLIER, 3, "cleared", MDM, V2_AT)))
                .extracting(SupplierSummary::blocked, SupplierSummary::goldenRecordVersion).containsExactly(false, 3);
    }

    @Test
    void eachTargetGetsACopyNamedAfterTheSupplierAsItIsNow() {
        SupplierStates supplier = given(requested(), golden(), propagated(1, V1_AT, ERP_EMEA));

        SupplierCopyStatus copy = copy(supplier, ERP_EMEA);
        assertThat(copy.legalName()).isEqualTo("Kugellager Werke GmbH");
        assertThat(copy.region()).isEqualTo("EMEA");
        assertThat(copy.requestedVersion()).isEqualTo(1);
        assertThat(copy.pendingSince()).isEqualTo(V1_AT);
        assertThat(copy.acknowledgedVersion()).isNull();
    }

    @Test
    void isPendingSinceTheOldestVersionItHasNotAcknowledged() {
        given(requested(), golden(), propagated(1, V1_AT, ERP_EMEA), propagated(2, V2_AT, ERP_EMEA));
        assertThat(copy(ERP_EMEA).pendingSince()).isEqualTo(V1_AT);

        given(acknowledged(1, "E-1", V2_AT, null));
        assertThat(copy(ERP_EMEA).pendingSince()).as("still behind version 2").isEqualTo(V2_AT);

        given(acknowledged(2, "E-1", V3_AT, true));
        SupplierCopyStatus status = copy(ERP_EMEA);
        assertThat(status.pendingSince()).isNull();
        assertThat(status.acknowledgedVersion()).isEqualTo(2);
        assertThat(status.bankAccountMatchesGoldenRecord()).isTrue();
        assertThat(summary().vendorNumbers()).containsEntry("ERP_EMEA", "E-1");
    }

    @Test
    void aLateAcknowledgmentNeverMovesTheCopyBack() {
        given(requested(), golden(), propagated(2, V2_AT, ERP_EMEA), acknowledged(2, "E-1", V2_AT, null),
                staleAcknowledgment(1, "E-OLD", V3_AT, false));

        SupplierCopyStatus status = copy(ERP_EMEA);
        assertThat(status.acknowledgedVersion()).isEqualTo(2);
        assertThat(status.reference()).isEqualTo("E-1");
        assertThat(status.staleAcknowledgments()).isEqualTo(1);
        assertThat(status.pendingSince()).isNull();
        assertThat(status.bankAccountMatchesGoldenRecord()).as("the newer acknowledgment's comparison stands").isNull();
    }

    @Test
    void aLateAcknowledgmentBeforeTheNewerOneShowsTheOlderVersionStillPending() {
        given(requested(), golden(), propagated(1, V1_AT, ERP_EMEA), propagated(2, V2_AT, ERP_EMEA),
                staleAcknowledgment(1, "E-1", V3_AT, false));

        SupplierCopyStatus status = copy(ERP_EMEA);
        assertThat(status.acknowledgedVersion()).isEqualTo(1);
        assertThat(status.reference()).isEqualTo("E-1");
        assertThat(status.staleAcknowledgments()).isEqualTo(1);
        assertThat(status.pendingSince()).as("still behind version 2").isEqualTo(V2_AT);
        assertThat(status.bankAccountMatchesGoldenRecord()).as("compared with the current golden record").isFalse();
    }

    @Test
    void aFailureShowsUntilAVersionAtLeastAsNewIsAcknowledged() {
        given(requested(), golden(), propagated(1, V1_AT, ERP_EMEA),
                new SupplierPropagationFailed(SUPPLIER, 1, "payment terms unknown", ERP_EMEA, V2_AT));
        assertThat(copy(ERP_EMEA).lastFailure()).isEqualTo("payment terms unknown");
        assertThat(copy(ERP_EMEA).failedVersion()).isEqualTo(1);
        assertThat(copy(ERP_EMEA).pendingSince()).isEqualTo(V1_AT);

        given(acknowledged(1, "E-1", V3_AT, null));
        assertThat(copy(ERP_EMEA).lastFailure()).isNull();

        given(new SupplierPropagationFailed(SUPPLIER, 1, "late failure of an acknowledged version", ERP_EMEA, V3_AT));
        assertThat(copy(ERP_EMEA).lastFailure()).isNull();
    }

    @Test
    void anOlderPropagationRequestDoesNotLowerTheRequestedVersion() {
        given(requested(), golden(), propagated(3, V3_AT, ERP_EMEA), propagated(2, V2_AT, ERP_EMEA));

        assertThat(copy(ERP_EMEA).requestedVersion()).isEqualTo(3);
        assertThat(copy(ERP_EMEA).pendingSince()).isEqualTo(V3_AT);
    }

    @Test
    void aSystemWithoutACopyGetsNoneFromItsAcknowledgment() {
        SupplierStates supplier = given(requested(), golden(), propagated(1, V1_AT, ERP_EMEA),
                new SupplierCopyAcknowledged(SUPPLIER, 1, "N-1", null, null, ERP_NA, V2_AT));

        assertThat(supplier.copies()).containsOnlyKeys("ERP_EMEA");
        assertThat(supplier.supplier().lastRecordedAt()).as("still activity").isEqualTo(recorded(3));
    }

    @Test
    void aCaughtDuplicateRequestOnlyCountsAsActivity() {
        SupplierStates before = given(requested(), golden());
        SupplierStates after = given(new DuplicateSupplierRequestCaught(SUPPLIER, SupplierId.of("SUP-2"), null,
                "Kugellager Werke GmbH", "buyer", null, MDM, V3_AT));

        assertThat(after.supplier().lastBusinessTime()).isEqualTo(V3_AT);
        assertThat(after.supplier().lastRecordedAt()).isEqualTo(recorded(2));
        assertThat(after.supplier().legalName()).isEqualTo(before.supplier().legalName());
        assertThat(after.supplier().state()).isEqualTo(before.supplier().state());
    }

    @Test
    void keepsTheLatestBusinessTimeWhenMessagesArriveOutOfOrder() {
        fixture.recordedAt(V1_AT.plusSeconds(60), requested());
        fixture.recordedAt(V1_AT.plusSeconds(120), golden(V2_AT));
        fixture.recordedAt(V1_AT.plusSeconds(180), new SupplierBlocked(SUPPLIER, 2, "fraud", MDM, V1_AT));

        SupplierSummary supplier = summary();
        assertThat(supplier.lastBusinessTime()).isEqualTo(V2_AT);
        assertThat(supplier.lastRecordedAt()).isEqualTo(V1_AT.plusSeconds(180));
    }

    private SupplierStates given(SupplierEvent... events) {
        return fixture.given(events).state("SUP-1");
    }

    private SupplierSummary summary(SupplierEvent... events) {
        SupplierStates supplier = given(events);
        return supplier.supplier().toSummary(supplier.copies().values().stream()
                .map(SupplierCopyState::toStatus).toList());
    }

    private SupplierCopyStatus copy(SystemId system) {
        return copy(fixture.state("SUP-1"), system);
    }

    private static SupplierCopyStatus copy(SupplierStates supplier, SystemId system) {
        return supplier.copies().get(system.value()).toStatus();
    }

    private static SupplierRequested requested() {
        return new SupplierRequested(SUPPLIER, "Kugellager Werke GmbH", List.of(), List.of(), "NET30", OLD_ACCOUNT,
                List.of(LegalEntityId.of("DE01"), LegalEntityId.of("FR01")), "buyer", SystemId.of("PROCUREMENT"),
                V1_AT);
    }

    private static GoldenRecordCreated golden() {
        return golden(V1_AT);
    }

    private static GoldenRecordCreated golden(Instant at) {
        return new GoldenRecordCreated(SUPPLIER, MDM, "V-100", 1, "Kugellager Werke GmbH", List.of(), List.of(),
                "NET30", OLD_ACCOUNT, MDM, at);
    }

    private static SupplierVersionPropagationRequested propagated(int version, Instant at, SystemId... systems) {
        List<PropagationTarget> targets = Arrays.stream(systems)
                .map(system -> new PropagationTarget(system, system.value().substring(4))).toList();
        return new SupplierVersionPropagationRequested(SUPPLIER, version, targets, MDM, at);
    }

    private static SupplierCopyAcknowledged acknowledged(int version, String reference, Instant at, Boolean matches) {
        return new SupplierCopyAcknowledged(SUPPLIER, version, reference, null, matches, ERP_EMEA, at);
    }

    private static StaleSupplierAcknowledgmentRecorded staleAcknowledgment(int version, String reference, Instant at,
                                                                           Boolean matches) {
        return new StaleSupplierAcknowledgmentRecorded(SUPPLIER, version, 2, 2, reference, null, matches, ERP_EMEA,
                at);
    }

    private static ProtectedBankAccount account(String masked, char fingerprintDigit) {
        return new ProtectedBankAccount(masked, "hmac-sha256:" + String.valueOf(fingerprintDigit).repeat(64));
    }
}
