package org.integrationledger.query.rebuild;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.query.representable.HostileEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild leaves out a document from its first event no view can store on, and nothing else. */
class LeftOutDocumentsTest {

    private final LeftOutDocuments leftOut = new LeftOutDocuments("purchase-order-view");

    @Test
    void leavesOutTheDocumentFromItsUnstorableEventOnAndAdmitsEveryOther() {
        // given an order of the year 318857 between ordinary ones, and one of the year 55840
        assertThat(leftOut.admits(event("PO-A", 0, HostileEvents.NINE))).isTrue();
        assertThat(leftOut.admits(event("PO-FAR", 0, HostileEvents.NINE))).isTrue();

        // when its unstorable event and a later one of the same order come
        boolean unstorable = leftOut.admits(event("PO-FAR", 1, HostileEvents.YEAR_318857));
        boolean later = leftOut.admits(event("PO-FAR", 2, HostileEvents.NINE));

        // then both are left out, the other orders are not, and one document is counted
        assertThat(unstorable).isFalse();
        assertThat(later).as("the rest of its document, as the live projection parks it").isFalse();
        assertThat(leftOut.admits(event("PO-A", 1, HostileEvents.NINE))).isTrue();
        assertThat(leftOut.admits(event("PO-FIVE-DIGITS", 0, HostileEvents.YEAR_55840))).isTrue();
        assertThat(leftOut.admits(event("PO-BC", 0, HostileEvents.YEAR_MINUS_5000))).isFalse();
        assertThat(leftOut.size()).isEqualTo(2);
    }

    private static GenericDomainEventMessage<PurchaseOrderIssued> event(String order, long sequence,
                                                                         Instant occurredAt) {
        return new GenericDomainEventMessage<>("PurchaseOrder", order, sequence,
                HostileEvents.occurredAt(order, occurredAt));
    }
}
