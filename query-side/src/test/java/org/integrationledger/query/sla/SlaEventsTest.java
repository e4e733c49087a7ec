package org.integrationledger.query.sla;

import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA rules name events and their fields in configuration; these are the readings and checks they rely on. */
class SlaEventsTest {

    private static final Instant TEN_AM = Instant.parse("2026-11-23T10:00:00Z");
    private static final SupplierVersionPropagationRequested PROPAGATION = new SupplierVersionPropagationRequested(
            SupplierId.of("SUP-1"), 2, List.of(new PropagationTarget(SystemId.of("PROCUREMENT"), "GLOBAL"),
            new PropagationTarget(SystemId.of("ERP_EMEA"), "EMEA")), SystemId.of("ERP_NA"), TEN_AM);

    @Test
    void readsRegisteredFieldsOfAnEvent() {
        assertThat(SlaEvents.values(PROPAGATION, "targets.system")).containsExactly("PROCUREMENT", "ERP_EMEA");
        assertThat(SlaEvents.value(PROPAGATION, "reportingSystem")).isEqualTo("ERP_NA");
        assertThat(SlaEvents.value(PROPAGATION, "version")).isEqualTo("2");
    }

    @Test
    void readsNothingForAFieldTheEventDoesNotHave() {
        assertThat(SlaEvents.value(PROPAGATION, "legalEntity")).isNull();
        assertThat(SlaEvents.values(PROPAGATION, "targets.nothing")).isEmpty();
        assertThat(SlaEvents.values("not an event", "reportingSystem")).isEmpty();
    }

    @Test
    void registersEveryDocumentEvent() {
        List<String> documentEvents = Stream.of(PurchaseOrderEvent.class, InvoiceEvent.class, SupplierEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses())).map(Class::getSimpleName).toList();

        assertThat(SlaEvents.names()).containsExactlyInAnyOrderElementsOf(documentEvents);
    }

    @Test
    void acceptsTheShippedRules() {
        assertThat(SlaEvents.problems("RequisitionApproved", List.of("PurchaseOrderIssued"),
                List.of("PurchaseOrderPostedInErp", "StalePostingAcknowledgmentRecorded"), null, "routedTo", null,
                null)).isEmpty();
        assertThat(SlaEvents.problems("SupplierVersionPropagationRequested", List.of(),
                List.of("SupplierCopyAcknowledged", "StaleSupplierAcknowledgmentRecorded"), "targets.system", null,
                "version", null)).isEmpty();
        assertThat(SlaEvents.problems("InvoiceExceptionRaised", List.of(), List.of("InvoiceExceptionResolved"),
                null, null, null, "exceptionNumber")).isEmpty();
        assertThat(SlaEvents.problems("InvoicePaymentExecuted", List.of(), List.of("PaymentConfirmationAcknowledged"),
                null, null, null, "paymentReference")).isEmpty();
    }

    @Test
    void namesAnUnknownEvent() {
        assertThat(SlaEvents.problems("RequisitionAproved", List.of(), List.of("PurchaseOrderPostedInErp"), null,
                null, null, null)).singleElement().asString().startsWith("unknown event 'RequisitionAproved'");
    }

    @Test
    void namesAFieldAStopEventDoesNotHave() {
        assertThat(SlaEvents.problems("InvoiceExceptionRaised", List.of(), List.of("InvoiceMatched"), null, null,
                null, "exceptionNumber")).singleElement().asString()
                .startsWith("pair-field 'exceptionNumber' is not a field of InvoiceMatched");
        assertThat(SlaEvents.problems("RequisitionApproved", List.of(), List.of("PurchaseOrderPostedInErp"), null,
                "routedTO", null, null)).singleElement().asString()
                .isEqualTo("system-field 'routedTO' is not a field of any event");
    }
}
