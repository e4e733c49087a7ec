package org.integrationledger.query.reconciliation;

import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierPropagationFailed;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reconciliation view of a supplier: the golden-record owner is the source of each version, every propagation
 * target must acknowledge the version it was sent holding the golden record's bank account, and any other system
 * that reports on a copy is flagged.
 */
class SupplierReconciliationTest {

    private ReconciliationFixture fixture;

    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final SystemId OWNER = SystemId.of("ERP_NA");
    private static final SystemId TARGET = SystemId.of("ERP_EMEA");
    private static final SystemId STRANGER = SystemId.of("ERP_APAC");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void anAcknowledgmentFromASystemTheRecordWasNeverPropagatedToIsFlaggedWrongSystem() {
        DocumentState supplier = replay(created(), propagated(), acknowledged(TARGET, 600));
        assertThat(flags(supplier)).isEmpty();

        supplier = then(acknowledged(STRANGER, 900));

        assertThat(flags(supplier)).containsExactly("WRONG_SYSTEM@ERP_APAC");
        assertThat(supplier.systems().get("ERP_APAC").role()).isEqualTo(SystemRole.OTHER);
    }

    @Test
    void aFailureFromASystemTheRecordWasNeverPropagatedToIsFlaggedWrongSystem() {
        DocumentState supplier = replay(created(), propagated(), acknowledged(TARGET, 600),
                new SupplierPropagationFailed(SUPPLIER, 1, "unknown", STRANGER, NINE.plusSeconds(900)));

        assertThat(flags(supplier)).containsExactly("WRONG_SYSTEM@ERP_APAC");
    }

    @Test
    void theOwnersOwnAcknowledgmentLeavesItsGoldenRecordAsItIs() {
        DocumentState supplier = replay(created(), propagated(), acknowledged(TARGET, 600), acknowledged(OWNER, 900));

        assertThat(flags(supplier)).isEmpty();
        assertThat(supplier.systems().get("ERP_NA").state()).isEqualTo(PositionState.GOLDEN_RECORD);
    }

    @Test
    void aRequestedSupplierIsTheRequestersUntilItHasAGoldenRecord() {
        DocumentState supplier = replay(new SupplierRequested(SUPPLIER, "Acme GmbH", List.of(), List.of(), "NET30",
                null, List.of(LegalEntityId.of("DE01")), "buyer@example.com", PROCUREMENT, NINE.minusSeconds(3_600)));

        assertThat(supplier.status()).isEqualTo(DocumentStatus.REQUESTED);
        assertThat(supplier.legalEntity()).isEqualTo("DE01");
        assertThat(supplier.systems().get("PROCUREMENT").role()).isEqualTo(SystemRole.REQUESTER);
        assertThat(supplier.systems().get("PROCUREMENT").state()).isEqualTo(PositionState.REQUESTED);
        assertThat(flags(supplier)).isEmpty();

        supplier = then(created());

        assertThat(supplier.status()).isEqualTo(DocumentStatus.ACTIVE);
        assertThat(supplier.systems().get("ERP_NA").role()).isEqualTo(SystemRole.SOURCE);
    }

    @Test
    void aTargetThatAcknowledgedNothingIsNotAcknowledgedSinceThePropagation() {
        DocumentState supplier = replay(created(), propagated());

        assertThat(supplier.systems().get("ERP_EMEA").role()).isEqualTo(SystemRole.TARGET);
        assertThat(supplier.systems().get("ERP_EMEA").state()).isEqualTo(PositionState.PENDING);
        assertThat(flags(supplier)).containsExactly("NOT_ACKNOWLEDGED@ERP_EMEA");
        assertThat(supplier.divergences().values().iterator().next().since()).isEqualTo(NINE);
    }

    @Test
    void aTargetHoldingAnOlderVersionIsBehindUntilItAcknowledgesTheNewOne() {
        DocumentState supplier = replay(created(), propagated(), acknowledged(TARGET, 600),
                new SupplierBlocked(SUPPLIER, 2, "fraud check", OWNER, NINE.plusSeconds(900)),
                new SupplierVersionPropagationRequested(SUPPLIER, 2, List.of(new PropagationTarget(TARGET, "EMEA")),
                        OWNER, NINE.plusSeconds(900)));

        assertThat(supplier.status()).isEqualTo(DocumentStatus.BLOCKED);
        assertThat(flags(supplier)).containsExactly("VERSION_BEHIND@ERP_EMEA");

        supplier = then(new SupplierCopyAcknowledged(SUPPLIER, 2, "E-2", null, null, TARGET,
                NINE.plusSeconds(1_200)));

        assertThat(flags(supplier)).isEmpty();
    }

    @Test
    void aTargetThatFailedToApplyTheVersionHasRejectedIt() {
        DocumentState supplier = replay(created(), propagated(),
                new SupplierPropagationFailed(SUPPLIER, 1, "vendor locked", TARGET, NINE.plusSeconds(600)));

        assertThat(supplier.systems().get("ERP_EMEA").state()).isEqualTo(PositionState.FAILED);
        assertThat(flags(supplier)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_EMEA", "REJECTED@ERP_EMEA");
    }

    @Test
    void aCopyHoldingAnotherBankAccountIsFlagged() {
        DocumentState supplier = replay(created(), propagated(),
                new SupplierCopyAcknowledged(SUPPLIER, 1, "E-1", null, false, TARGET, NINE.plusSeconds(600)));

        assertThat(supplier.systems().get("ERP_EMEA").state()).isEqualTo(PositionState.ACKNOWLEDGED);
        assertThat(flags(supplier)).containsExactly("BANK_ACCOUNT_MISMATCH@ERP_EMEA");
    }

    @Test
    void blockingAndUnblockingAreNewGoldenVersionsAndTheSuppliersStatus() {
        DocumentState supplier = replay(created(), new SupplierBlocked(SUPPLIER, 2, "fraud check", OWNER,
                NINE.plusSeconds(600)));

        assertThat(supplier.status()).isEqualTo(DocumentStatus.BLOCKED);
        assertThat(supplier.currentVersion()).isEqualTo(2);
        assertThat(supplier.systems().get("ERP_NA").version()).isEqualTo(2);
        assertThat(supplier.systems().get("ERP_NA").state()).isEqualTo(PositionState.GOLDEN_RECORD);

        supplier = then(new SupplierUnblocked(SUPPLIER, 3, "cleared", OWNER, NINE.plusSeconds(900)));

        assertThat(supplier.status()).isEqualTo(DocumentStatus.ACTIVE);
        assertThat(supplier.currentVersion()).isEqualTo(3);
        assertThat(supplier.businessKey()).as("the owner's vendor number").isEqualTo("V-1");
    }

    @Test
    void aRejectedRequestIsRejected() {
        DocumentState supplier = replay(new SupplierRequestRejected(SUPPLIER, "mdm", "duplicate", OWNER, NINE));

        assertThat(supplier.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(flags(supplier)).isEmpty();
    }

    @Test
    void aCopyThatLaterHoldsTheGoldenRecordsBankAccountIsNoLongerFlagged() {
        DocumentState supplier = replay(created(), propagated(),
                new SupplierCopyAcknowledged(SUPPLIER, 1, "E-1", null, false, TARGET, NINE.plusSeconds(600)));
        assertThat(flags(supplier)).containsExactly("BANK_ACCOUNT_MISMATCH@ERP_EMEA");

        supplier = then(new SupplierCopyAcknowledged(SUPPLIER, 1, "E-1", null, true, TARGET, NINE.plusSeconds(900)));

        assertThat(flags(supplier)).isEmpty();
    }

    /** A fresh view given these events: the supplier as it stands. */
    private DocumentState replay(SupplierEvent... events) {
        fixture = new ReconciliationFixture(SystemRegions.of(Map.of())).given((Object[]) events);
        return fixture.document(DocumentType.SUPPLIER, SUPPLIER.value());
    }

    /** The same view given one more event. */
    @Test
    void aNewerVersionSentToATargetStillWaitingKeepsTheStartOfItsWait() {
        DocumentState supplier = replay(created(), propagated(), new SupplierVersionPropagationRequested(SUPPLIER, 2,
                List.of(new PropagationTarget(TARGET, "EMEA")), OWNER, NINE.plusSeconds(600)));

        assertThat(supplier.systems().get("ERP_EMEA").expectedVersion()).isEqualTo(2);
        assertThat(supplier.systems().get("ERP_EMEA").pendingSince()).isEqualTo(NINE);
        assertThat(supplier.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::since,
                OpenDivergence::detail).containsExactly(tuple(Divergence.NOT_ACKNOWLEDGED, NINE,
                "ERP_EMEA has acknowledged no version; version 2 was sent"));

        supplier = then(acknowledged(TARGET, 900));

        assertThat(supplier.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::since)
                .containsExactly(tuple(Divergence.VERSION_BEHIND, NINE));
    }

    private DocumentState then(SupplierEvent event) {
        return fixture.given(event).document(DocumentType.SUPPLIER, SUPPLIER.value());
    }

    private static List<String> flags(DocumentState supplier) {
        return supplier.divergences().values().stream()
                .map(d -> d.flag() + (d.system().isEmpty() ? "" : "@" + d.system())).toList();
    }

    private static GoldenRecordCreated created() {
        return new GoldenRecordCreated(SUPPLIER, OWNER, "V-1", 1, "Acme GmbH", List.of(), List.of(), "NET30", null,
                OWNER, NINE);
    }

    private static SupplierVersionPropagationRequested propagated() {
        return new SupplierVersionPropagationRequested(SUPPLIER, 1, List.of(new PropagationTarget(TARGET, "EMEA")),
                OWNER, NINE);
    }

    private static SupplierCopyAcknowledged acknowledged(SystemId system, long atSecond) {
        return new SupplierCopyAcknowledged(SUPPLIER, 1, "E-1", null, null, system, NINE.plusSeconds(atSecond));
    }
}
