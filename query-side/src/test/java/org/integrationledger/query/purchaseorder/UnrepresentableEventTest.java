package org.integrationledger.query.purchaseorder;

import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.LiveStates;
import org.integrationledger.query.representable.HostileEvents;
import org.integrationledger.query.representable.UnrepresentableValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An order said to have occurred in a year PostgreSQL cannot store is refused by the purchase-order projection by
 * name, before it reads or writes a row.
 */
class UnrepresentableEventTest {

    @ParameterizedTest
    @ValueSource(strings = {"+318857-01-01T00:00:00Z", "-5000-01-01T00:00:00Z"})
    void thePurchaseOrderProjectionRefusesTheOrderBeforeAnySql(String occurredAt) {
        // given the projection over a repository and live rows that must not be touched
        PurchaseOrderViewRepository views = Mockito.mock(PurchaseOrderViewRepository.class);
        @SuppressWarnings("unchecked")
        LiveStates<PurchaseOrderState> rows = Mockito.mock(LiveStates.class);
        FoldHost<PurchaseOrderEvent, PurchaseOrderState> host = new FoldHost<>(
                PurchaseOrderProjection.PROCESSING_GROUP, new PurchaseOrderFold(), rows, null, () -> null, () -> "",
                Mockito.mock(PlatformTransactionManager.class));
        PurchaseOrderProjection projection = new PurchaseOrderProjection(host, views);
        PurchaseOrderIssued issued = HostileEvents.occurredAt("PO-FAR", Instant.parse(occurredAt));

        // when the order arrives, then it is refused by name and neither was asked for anything
        assertThatThrownBy(() -> projection.on(issued, HostileEvents.NINE))
                .isInstanceOf(UnrepresentableValueException.class)
                .hasMessageStartingWith("PurchaseOrderIssued of PO-FAR: occurredAt " + occurredAt);
        Mockito.verifyNoInteractions(views, rows);
    }
}
