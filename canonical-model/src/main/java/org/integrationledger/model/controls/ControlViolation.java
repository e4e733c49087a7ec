package org.integrationledger.model.controls;

import java.time.Instant;
import java.util.List;

/**
 * One control violation (or review flag) as the controls report lists it: what was broken, on which invoice and
 * payment, where (legal entity, region), by which system, when on both time axes, and the events that prove it.
 * Bank accounts appear masked only.
 */
public record ControlViolation(String violationId, ControlKind kind, String invoiceId, String paymentReference,
                               String supplierId, String legalEntity, String region, String reportingSystem,
                               String detail, String paidAccount, String goldenRecordAccount,
                               Integer goldenRecordVersion, String notYetAcknowledgedBy, Instant businessTime,
                               Instant recordedAt, List<ControlEvidence> evidence) {

    public ControlViolation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
