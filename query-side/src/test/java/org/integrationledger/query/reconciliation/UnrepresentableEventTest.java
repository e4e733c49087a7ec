package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.query.representable.HostileEvents;
import org.integrationledger.query.representable.NoSqlDataSource;
import org.integrationledger.query.representable.UnrepresentableValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An order said to have occurred in a year PostgreSQL cannot store is refused by the reconciliation and trace
 * projections by name, before either asks the database for anything.
 */
class UnrepresentableEventTest {

    private final NoSqlDataSource database = new NoSqlDataSource();

    @ParameterizedTest
    @ValueSource(strings = {"+318857-01-01T00:00:00Z", "-5000-01-01T00:00:00Z"})
    void theReconciliationProjectionRefusesTheOrderBeforeAnySql(String occurredAt) {
        // given the reconciliation projection over a database no statement may reach
        ReconciliationTable table = new ReconciliationTable(database.jdbc(), new DivergenceCountTable(database.jdbc()));
        DuplicateTable duplicates = new DuplicateTable(database.jdbc());
        ReconciliationProjection projection = new ReconciliationProjection(new ReconciliationConfiguration()
                .reconciliationViewHost(table, duplicates, SystemRegions.of(Map.of()), null,
                        Mockito.mock(PlatformTransactionManager.class)), table, duplicates);
        PurchaseOrderIssued issued = HostileEvents.occurredAt("PO-FAR", Instant.parse(occurredAt));

        // when the order arrives, then it is refused by name and nothing was sent
        assertThatThrownBy(() -> projection.on(issued,
                new GenericEventMessage<>("event-1", issued, Map.of(), HostileEvents.NINE)))
                .isInstanceOf(UnrepresentableValueException.class)
                .hasMessageStartingWith("PurchaseOrderIssued of PO-FAR: occurredAt " + occurredAt);
        assertThat(database.connectionsAsked()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+318857-01-01T00:00:00Z", "-5000-01-01T00:00:00Z"})
    void theTraceProjectionRefusesTheOrderBeforeAnySql(String occurredAt) {
        TraceTable table = new TraceTable(database.jdbc());
        TraceProjection projection = new TraceProjection(
                TraceConfiguration.host(table, Mockito.mock(PlatformTransactionManager.class)), table);
        PurchaseOrderIssued issued = HostileEvents.occurredAt("PO-FAR", Instant.parse(occurredAt));
        GenericDomainEventMessage<PurchaseOrderIssued> message =
                new GenericDomainEventMessage<>("PurchaseOrder", "PO-FAR", 0, issued);

        assertThatThrownBy(() -> projection.on(issued, message))
                .isInstanceOf(UnrepresentableValueException.class)
                .hasMessageStartingWith("PurchaseOrderIssued of PO-FAR: occurredAt " + occurredAt);
        assertThat(database.connectionsAsked()).isZero();
    }
}
