package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierPropagationFailed;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who reports on a supplier's copies: its propagation targets; any other system is flagged. */
class SupplierReconciliationTest {

    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final SystemId OWNER = SystemId.of("ERP_NA");
    private static final SystemId TARGET = SystemId.of("ERP_EMEA");
    private static final SystemId STRANGER = SystemId.of("ERP_APAC");
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void anAcknowledgmentFromASystemTheRecordWasNeverPropagatedToIsFlaggedWrongSystem() {
        DocumentState supplier = replay(created(), propagated(), acknowledged(TARGET, 600));
        assertThat(flags(supplier)).isEmpty();

        apply(supplier, acknowledged(STRANGER, 900));

        assertThat(flags(supplier)).containsExactly("WRONG_SYSTEM@ERP_APAC");
        assertThat(supplier.systems.get("ERP_APAC").role).isEqualTo(SystemRole.OTHER);
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
        assertThat(supplier.systems.get("ERP_NA").state).isEqualTo(PositionState.GOLDEN_RECORD);
    }

    private static DocumentState replay(SupplierEvent... events) {
        DocumentState supplier = new DocumentState(DocumentType.SUPPLIER, SUPPLIER.value());
        for (SupplierEvent event : events) {
            apply(supplier, event);
        }
        return supplier;
    }

    private static void apply(DocumentState supplier, SupplierEvent event) {
        SupplierReconciliation.apply(supplier, event, event.occurredAt());
        ReconciliationRules.refresh(supplier, SupplierReconciliation.divergences(supplier));
    }

    private static List<String> flags(DocumentState supplier) {
        return supplier.divergences.values().stream()
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
