package org.integrationledger.query.sla;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.sla.SlaRuleDefinition;
import org.integrationledger.model.sla.SlaScope;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;
import org.integrationledger.query.sla.SlaClockRules.ClockStart;
import org.integrationledger.query.sla.SlaClockRules.ClockStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which clocks the shipped kinds of rule open on a start event and close on a stop event. */
class SlaClockRulesTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId ERP_NA = SystemId.of("ERP_NA");
    private static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");
    private static final Map<String, String> REGIONS = Map.of("ERP_NA", "NA", "ERP_EMEA", "EMEA");

    private static final SlaRuleDefinition PO_RULE = new SlaRuleDefinition("po-approved-to-posted",
            "RequisitionApproved", List.of("PurchaseOrderPostedInErp"), Duration.ofMinutes(30), 0.8, "HIGH",
            SlaScope.ANY, null, "routedTo", null, null, List.of("PurchaseOrderIssued"));
    private static final SlaRuleDefinition SUPPLIER_RULE = new SlaRuleDefinition("supplier-version-acknowledged",
            "SupplierVersionPropagationRequested", List.of("SupplierCopyAcknowledged",
            "StaleSupplierAcknowledgmentRecorded"), Duration.ofHours(4), 0.8, "HIGH", SlaScope.ANY, "targets.system",
            null, "version", null);
    private static final SlaRuleDefinition EXCEPTION_RULE = new SlaRuleDefinition("invoice-exception-resolved",
            "InvoiceExceptionRaised", List.of("InvoiceExceptionResolved"), Duration.ofDays(3), 0.8, "MEDIUM",
            SlaScope.ANY, null, null, null, "exceptionNumber");

    @Test
    void anApprovalOpensOneClockWaitingForTheRememberedErp() {
        List<ClockStart> starts = SlaClockRules.starts(PO_RULE, approval(), Map.of("legalEntity", "US01",
                "routedTo", "ERP_NA"), REGIONS::get);

        assertThat(starts).containsExactly(new ClockStart("-", "ERP_NA", "NA", null));
    }

    @Test
    void aRuleScopedToAnotherRegionOpensNoClock() {
        SlaRuleDefinition emeaOnly = new SlaRuleDefinition(PO_RULE.name(), PO_RULE.startEvent(), PO_RULE.stopEvents(),
                PO_RULE.limit(), 0.8, "HIGH", new SlaScope(List.of(), List.of("EMEA"), List.of()), null, "routedTo",
                null, null);

        assertThat(SlaClockRules.starts(emeaOnly, approval(), Map.of("routedTo", "ERP_NA"), REGIONS::get)).isEmpty();
    }

    @Test
    void aPropagationOpensOneClockPerTargetAndVersion() {
        SupplierVersionPropagationRequested propagation = new SupplierVersionPropagationRequested(
                SupplierId.of("SUP-1"), 2, List.of(new PropagationTarget(PROCUREMENT, "GLOBAL"),
                new PropagationTarget(ERP_EMEA, "EMEA")), ERP_NA, NINE);

        assertThat(SlaClockRules.starts(SUPPLIER_RULE, propagation, Map.of(), system -> REGIONS.getOrDefault(system,
                "GLOBAL"))).containsExactly(new ClockStart("PROCUREMENT@v2", "PROCUREMENT", "GLOBAL", 2),
                new ClockStart("ERP_EMEA@v2", "ERP_EMEA", "EMEA", 2));
    }

    @Test
    void aStaleAcknowledgmentClosesOnlyItsSystemsClocksUpToItsVersion() {
        StaleSupplierAcknowledgmentRecorded stale = new StaleSupplierAcknowledgmentRecorded(SupplierId.of("SUP-1"), 1,
                2, 2, "EMEA-V1", null, null, ERP_EMEA, NINE);

        assertThat(SlaClockRules.stops(SUPPLIER_RULE, stale))
                .containsExactly(new ClockStop("ERP_EMEA", true, false, 1, null));
    }

    @Test
    void aPostingClosesTheClockWaitingForItsErpOrForNone() {
        PurchaseOrderPostedInErp posted = new PurchaseOrderPostedInErp(PurchaseOrderId.of("PO-1"), "45001", 1, null,
                null, ERP_NA, NINE.plusSeconds(600));

        assertThat(SlaClockRules.stops(PO_RULE, posted)).containsExactly(new ClockStop("ERP_NA", false, true, null,
                null));
    }

    @Test
    void aResolutionClosesOnlyTheClockOfItsOwnException() {
        InvoiceExceptionResolved resolved = new InvoiceExceptionResolved(InvoiceId.of("INV-1"),
                LegalEntityId.of("US01"), 2, ExceptionKind.TAX_FAILURE, ExceptionResolution.OVERRIDE,
                "na.controller@example.com", "confirmed", PROCUREMENT, NINE);

        assertThat(SlaClockRules.stops(EXCEPTION_RULE, resolved)).singleElement()
                .extracting(ClockStop::clockKey).isEqualTo("-#2");
    }

    private static RequisitionApproved approval() {
        return new RequisitionApproved(PurchaseOrderId.of("PO-1"), "REQ-1", "j.doe@example.test",
                LegalEntityId.of("US01"), PROCUREMENT, NINE);
    }
}
