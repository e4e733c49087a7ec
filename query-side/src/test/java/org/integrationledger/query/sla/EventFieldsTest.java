package org.integrationledger.query.sla;

import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA rules name event fields in configuration; these are the readings they rely on. */
class EventFieldsTest {

    private static final Instant TEN_AM = Instant.parse("2026-11-23T10:00:00Z");
    private static final SupplierVersionPropagationRequested PROPAGATION = new SupplierVersionPropagationRequested(
            SupplierId.of("SUP-1"), 2, List.of(new PropagationTarget(SystemId.of("PROCUREMENT"), "GLOBAL"),
            new PropagationTarget(SystemId.of("ERP_EMEA"), "EMEA")), SystemId.of("ERP_NA"), TEN_AM);

    @Test
    void walksListsAndReadsTypedIdsAsTheirValue() {
        assertThat(EventFields.values(PROPAGATION, "targets.system")).containsExactly("PROCUREMENT", "ERP_EMEA");
        assertThat(EventFields.value(PROPAGATION, "reportingSystem")).isEqualTo("ERP_NA");
        assertThat(EventFields.value(PROPAGATION, "version")).isEqualTo("2");
        assertThat(EventFields.occurredAt(PROPAGATION)).isEqualTo(TEN_AM);
    }

    @Test
    void aFieldTheEventDoesNotHaveReadsAsNothing() {
        assertThat(EventFields.value(PROPAGATION, "legalEntity")).isNull();
        assertThat(EventFields.values(PROPAGATION, "targets.nothing")).isEmpty();
        assertThat(EventFields.occurredAt("not a record")).isNull();
    }
}
