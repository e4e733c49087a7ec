package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierDetailsChanged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The divergence rules for supplier copies: a late acknowledgment of an older version is the copy's, labelled. */
class SupplierStaleAcknowledgmentReconciliationTest {

    private ReconciliationFixture fixture;

    private static final SupplierId SUPPLIER = SupplierId.of("SUP-1");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");
    private static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aLateAcknowledgmentOfAnOlderVersionShowsTheCopyHoldingItLabelledStale() {
        DocumentState supplier = replay(created(), requested(1, 0), changed(2, 60), requested(2, 60),
                stale(1, false, 120));

        SystemRow copy = supplier.systems().get("ERP_EMEA");
        assertThat(copy.state()).isEqualTo(PositionState.STALE);
        assertThat(copy.version()).isEqualTo(1);
        assertThat(supplier.divergences().values()).extracting(OpenDivergence::flag, OpenDivergence::system,
                OpenDivergence::region).containsExactlyInAnyOrder(
                tuple(Divergence.VERSION_BEHIND, "ERP_EMEA", "EMEA"),
                tuple(Divergence.BANK_ACCOUNT_MISMATCH, "ERP_EMEA", "EMEA"));
    }

    @Test
    void aLateAcknowledgmentNeverMovesTheCopyBack() {
        DocumentState supplier = replay(created(), requested(1, 0), changed(2, 60), requested(2, 60),
                new SupplierCopyAcknowledged(SUPPLIER, 2, "E-2", null, null, ERP_EMEA, NINE.plusSeconds(90)),
                stale(1, null, 120));

        SystemRow copy = supplier.systems().get("ERP_EMEA");
        assertThat(copy.state()).isEqualTo(PositionState.ACKNOWLEDGED);
        assertThat(copy.version()).isEqualTo(2);
        assertThat(copy.reference()).isEqualTo("E-2");
        assertThat(supplier.divergences()).isEmpty();
    }

    /** A fresh view given these events: the supplier as it stands. */
    private DocumentState replay(SupplierEvent... events) {
        fixture = new ReconciliationFixture(SystemRegions.of(Map.of())).given((Object[]) events);
        return fixture.document(DocumentType.SUPPLIER, SUPPLIER.value());
    }

    /** The same view given one more event. */
    private DocumentState then(SupplierEvent event) {
        return fixture.given(event).document(DocumentType.SUPPLIER, SUPPLIER.value());
    }

    private static GoldenRecordCreated created() {
        return new GoldenRecordCreated(SUPPLIER, ERP_NA, "V-1", 1, "Kugellager Werke GmbH", List.of(), List.of(),
                "NET30", null, ERP_NA, NINE);
    }

    private static SupplierDetailsChanged changed(int version, long atSecond) {
        return new SupplierDetailsChanged(SUPPLIER, version, "Kugellager Werke AG", List.of(), "NET30", "clerk",
                ERP_NA, NINE.plusSeconds(atSecond));
    }

    private static SupplierVersionPropagationRequested requested(int version, long atSecond) {
        return new SupplierVersionPropagationRequested(SUPPLIER, version,
                List.of(new PropagationTarget(ERP_EMEA, "EMEA")), ERP_NA, NINE.plusSeconds(atSecond));
    }

    private static StaleSupplierAcknowledgmentRecorded stale(int version, Boolean bankMatches, long atSecond) {
        return new StaleSupplierAcknowledgmentRecorded(SUPPLIER, version, 2, null, "E-" + version, null, bankMatches,
                ERP_EMEA, NINE.plusSeconds(atSecond));
    }
}
