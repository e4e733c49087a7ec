package org.integrationledger.command.invoice;

import org.integrationledger.command.controls.BeneficiaryControl;
import org.integrationledger.command.controls.SupplierControlFacts;
import org.integrationledger.command.controls.SupplierStanding;
import org.integrationledger.command.controls.SupplierStatusControl;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.RecordPaymentExecution;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The finance controls judged on one invoice's posting and payments ({@link SupplierStatusControl},
 * {@link BeneficiaryControl}), as the events that record them, and the supplier-status exceptions that the
 * supplier's standing no longer supports.
 */
record InvoiceControls(InvoiceId invoiceId, LegalEntityId legalEntity, SupplierId supplier, SystemId routedTo) {

    /** A posting (by {@code erp} at {@code postedAt}) while the supplier stood badly is a control violation. */
    List<InvoiceControlViolated> posting(SupplierControlFacts suppliers, SystemId erp, Instant postedAt,
                                         SystemId reportingSystem, Instant occurredAt) {
        return SupplierStatusControl.badStanding(suppliers, supplier, postedAt).map(standing -> List.of(
                violation(SupplierStatusControl.postingViolation(standing), null,
                        SupplierStatusControl.describe(supplier, standing) + " when " + erp + " posted the invoice",
                        standing, reportingSystem, occurredAt))).orElse(List.of());
    }

    /** A payment while the supplier stood badly, or to another account than the golden record's, is recorded. */
    List<InvoiceControlViolated> payment(RecordPaymentExecution command, SupplierControlFacts suppliers,
                                         BeneficiaryControl beneficiaryControl) {
        List<InvoiceControlViolated> violations = new ArrayList<>();
        SupplierStatusControl.badStanding(suppliers, supplier, command.occurredAt()).ifPresent(standing ->
                violations.add(violation(SupplierStatusControl.paymentViolation(standing), command.paymentReference(),
                        SupplierStatusControl.describe(supplier, standing) + " when " + command.reportingSystem()
                                + " executed payment " + command.paymentReference(), standing,
                        command.reportingSystem(), command.occurredAt())));
        beneficiaryControl.judge(suppliers, supplier, command.beneficiaryAccount(), command.occurredAt(), routedTo)
                .ifPresent(finding -> violations.add(new InvoiceControlViolated(invoiceId, legalEntity, supplier,
                        finding.kind(), command.paymentReference(), command.beneficiaryAccount(),
                        finding.inForce().account(), finding.inForce().version(), finding.notYetAcknowledgedBy(),
                        finding.detail(), List.of(finding.inForce().evidence()), command.reportingSystem(),
                        command.occurredAt())));
        return violations;
    }

    /**
     * Rule: a {@code SUPPLIER_BLOCKED} or {@code SUPPLIER_NOT_APPROVED} exception keeps an invoice from being posted
     * or paid while the supplier stands so. Once the supplier is approved and not blocked at the business time of
     * the next posting or payment (an unblock or approval recorded before it), the corrected master data resolves
     * the exception; the reason names the supplier event. Returns the exceptions so resolved, with that reason.
     */
    Map<ExceptionKind, String> standingCorrected(SupplierControlFacts suppliers, Set<ExceptionKind> open,
                                                 Instant at) {
        Map<ExceptionKind, String> corrected = new LinkedHashMap<>();
        if (!open.contains(ExceptionKind.SUPPLIER_BLOCKED) && !open.contains(ExceptionKind.SUPPLIER_NOT_APPROVED)) {
            return corrected;
        }
        suppliers.standingAt(supplier, at).filter(standing -> standing.standing() == SupplierStanding.APPROVED)
                .ifPresent(standing -> {
                    String reason = "supplier " + supplier + " stands approved and unblocked since "
                            + standing.evidence().businessTime() + " (" + standing.evidence().eventType() + ")";
                    for (ExceptionKind kind : List.of(ExceptionKind.SUPPLIER_BLOCKED,
                            ExceptionKind.SUPPLIER_NOT_APPROVED)) {
                        if (open.contains(kind)) {
                            corrected.put(kind, reason);
                        }
                    }
                });
        return corrected;
    }

    private InvoiceControlViolated violation(ControlKind kind, String paymentReference, String detail,
                                             SupplierControlFacts.Standing standing, SystemId reportingSystem,
                                             Instant occurredAt) {
        return new InvoiceControlViolated(invoiceId, legalEntity, supplier, kind, paymentReference, null, null, null,
                null, detail, List.of(standing.evidence()), reportingSystem, occurredAt);
    }
}
