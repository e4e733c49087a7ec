package org.integrationledger.query.supplier;

import org.integrationledger.model.supplier.SupplierCopyStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy row's own logic: since when a system is behind, and what a late message or a failure changes. */
class SupplierCopyViewTest {

    private static final Instant V1_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant V2_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant V3_AT = Instant.parse("2026-11-25T10:00:00Z");

    private final SupplierCopyView copy = new SupplierCopyView("SUP-1", "ERP_EMEA", "EMEA", "Kugellager Werke GmbH");

    @Test
    void isPendingSinceTheOldestVersionItHasNotAcknowledged() {
        copy.requested(1, V1_AT);
        copy.requested(2, V2_AT);
        assertThat(copy.toStatus().pendingSince()).isEqualTo(V1_AT);

        copy.acknowledged(1, "E-1", V2_AT, null);
        assertThat(copy.toStatus().pendingSince()).as("still behind version 2").isEqualTo(V2_AT);

        copy.acknowledged(2, "E-1", V3_AT, true);
        SupplierCopyStatus status = copy.toStatus();
        assertThat(status.pendingSince()).isNull();
        assertThat(status.acknowledgedVersion()).isEqualTo(2);
        assertThat(status.bankAccountMatchesGoldenRecord()).isTrue();
    }

    @Test
    void aLateAcknowledgmentNeverMovesTheCopyBack() {
        copy.requested(2, V2_AT);
        copy.acknowledged(2, "E-1", V2_AT, null);
        copy.staleAcknowledgment(1, "E-OLD", V3_AT, false);

        SupplierCopyStatus status = copy.toStatus();
        assertThat(status.acknowledgedVersion()).isEqualTo(2);
        assertThat(status.reference()).isEqualTo("E-1");
        assertThat(status.staleAcknowledgments()).isEqualTo(1);
        assertThat(status.pendingSince()).isNull();
        assertThat(status.bankAccountMatchesGoldenRecord()).as("the newer acknowledgment's comparison stands").isNull();
    }

    @Test
    void aLateAcknowledgmentBeforeTheNewerOneShowsTheOlderVersionStillPending() {
        copy.requested(1, V1_AT);
        copy.requested(2, V2_AT);

        copy.staleAcknowledgment(1, "E-1", V3_AT, false);

        SupplierCopyStatus status = copy.toStatus();
        assertThat(status.acknowledgedVersion()).isEqualTo(1);
        assertThat(status.reference()).isEqualTo("E-1");
        assertThat(status.staleAcknowledgments()).isEqualTo(1);
        assertThat(status.pendingSince()).as("still behind version 2").isEqualTo(V2_AT);
        assertThat(status.bankAccountMatchesGoldenRecord()).as("compared with the current golden record").isFalse();
    }

    @Test
    void aFailureShowsUntilAVersionAtLeastAsNewIsAcknowledged() {
        copy.requested(1, V1_AT);
        copy.failed(1, "payment terms unknown", V2_AT);
        assertThat(copy.toStatus().lastFailure()).isEqualTo("payment terms unknown");
        assertThat(copy.toStatus().pendingSince()).isEqualTo(V1_AT);

        copy.acknowledged(1, "E-1", V3_AT, null);
        assertThat(copy.toStatus().lastFailure()).isNull();
        copy.failed(1, "late failure of an acknowledged version", V3_AT);
        assertThat(copy.toStatus().lastFailure()).isNull();
    }

    @Test
    void anOlderPropagationRequestDoesNotLowerTheRequestedVersion() {
        copy.requested(3, V3_AT);
        copy.requested(2, V2_AT);
        assertThat(copy.toStatus().requestedVersion()).isEqualTo(3);
        assertThat(copy.toStatus().pendingSince()).isEqualTo(V3_AT);
    }
}
