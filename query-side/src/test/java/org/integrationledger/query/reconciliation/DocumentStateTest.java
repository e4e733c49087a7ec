package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.shared.Money;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** One document of the reconciliation view as an immutable state: each change answers a new one. */
class DocumentStateTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aDocumentTouchedOutOfOrderKeepsItsEarliestAndLatestBusinessTimesAndTheLastRecordedInstant() {
        DocumentState document = order()
                .touched(NINE.plusSeconds(60), NINE.plusSeconds(1))
                .touched(NINE, NINE.plusSeconds(2))
                .touched(NINE.plusSeconds(30), NINE.plusSeconds(3));

        assertThat(document.firstBusinessTime()).isEqualTo(NINE);
        assertThat(document.lastBusinessTime()).isEqualTo(NINE.plusSeconds(60));
        assertThat(document.lastRecordedAt()).isEqualTo(NINE.plusSeconds(3));
    }

    @Test
    void aDivergenceThatStaysOpenKeepsItsEarliestStartAndOneNoLongerFoundCloses() {
        DocumentState document = order().withDivergences(List.of(
                flag(Divergence.NOT_ACKNOWLEDGED, NINE, "not acknowledged"),
                flag(Divergence.REJECTED, NINE, "refused")));

        DocumentState later = document.withDivergences(List.of(
                flag(Divergence.NOT_ACKNOWLEDGED, NINE.plusSeconds(600), "still not acknowledged")));

        assertThat(later.divergences().values())
                .extracting(OpenDivergence::flag, OpenDivergence::since, OpenDivergence::detail)
                .containsExactly(tuple(Divergence.NOT_ACKNOWLEDGED, NINE, "still not acknowledged"));
        assertThat(document.divergences()).hasSize(2);
    }

    @Test
    void theSameDivergencesAnswerTheStateAsItWas() {
        DocumentState document = order().withDivergences(List.of(flag(Divergence.NOT_ACKNOWLEDGED, NINE, "open")));

        assertThat(document.withDivergences(List.of(flag(Divergence.NOT_ACKNOWLEDGED, NINE, "open"))))
                .isSameAs(document);
    }

    @Test
    void aChangeAnswersANewStateAndLeavesTheOneItWasGivenAsItWas() {
        DocumentState pending = order().withSystem("ERP_NA", row -> row.withRole(SystemRole.ROUTED)
                .withState(PositionState.PENDING));

        DocumentState posted = pending.withStatus(DocumentStatus.ISSUED)
                .withSystem("ERP_NA", row -> row.withState(PositionState.POSTED).withVersion(1));

        assertThat(pending.status()).isNull();
        assertThat(pending.systems().get("ERP_NA").state()).isEqualTo(PositionState.PENDING);
        assertThat(pending.systems().get("ERP_NA").version()).isNull();
        assertThat(posted.status()).isEqualTo(DocumentStatus.ISSUED);
        assertThat(posted.systems().get("ERP_NA"))
                .extracting(SystemRow::role, SystemRow::state, SystemRow::version)
                .containsExactly(SystemRole.ROUTED, PositionState.POSTED, 1);
    }

    @Test
    void itsSystemsAndDivergencesCannotBeChangedInPlace() {
        DocumentState document = order().withSystem("ERP_NA", row -> row.withRole(SystemRole.ROUTED))
                .withDivergences(List.of(flag(Divergence.NOT_ACKNOWLEDGED, NINE, "open")));

        assertThatThrownBy(() -> document.systems().put("ERP_EMEA", new SystemRow("ERP_EMEA")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> document.divergences().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rowsReadFromTheTablesAreKeptInSystemOrder() {
        DocumentState loaded = order().loaded(List.of(new SystemRow("TAX"), new SystemRow("ERP_NA")),
                List.of(flag(Divergence.NOT_ACKNOWLEDGED, NINE, "open")));

        assertThat(loaded.systems().keySet()).containsExactly("ERP_NA", "TAX");
        assertThat(loaded.divergences().values()).extracting(OpenDivergence::flag)
                .containsExactly(Divergence.NOT_ACKNOWLEDGED);
    }

    /** A rebuild spills states to PostgreSQL beyond its memory and reads them back through this filter. */
    @Test
    void aStateComesBackFromTheSpillEqualToItself() throws IOException, ClassNotFoundException {
        DocumentState document = order().touched(NINE, NINE).withStatus(DocumentStatus.ISSUED)
                .withAmount(Money.of("2050.00", "USD"))
                .withSystem("ERP_NA", row -> row.withRole(SystemRole.ROUTED).withState(PositionState.PENDING))
                .withDivergences(List.of(flag(Divergence.NOT_ACKNOWLEDGED, NINE, "open")));
        ReconciliationState state = ReconciliationState.of(document);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("org.integrationledger.**;java.**;!*"));
            read = in.readObject();
        }

        assertThat(read).isEqualTo(state);
        assertThat(((ReconciliationState) read).document().canonical()).isEqualTo(document.canonical());
    }

    private static DocumentState order() {
        return new DocumentState(DocumentType.PURCHASE_ORDER, "PO-1");
    }

    private static OpenDivergence flag(Divergence divergence, Instant since, String detail) {
        return new OpenDivergence(divergence, "ERP_NA", "NA", since, detail);
    }
}
