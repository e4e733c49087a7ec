package org.integrationledger.command.controls;

import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.shared.SupplierId;

import java.time.Instant;
import java.util.Optional;

/**
 * Rule: only an approved supplier that is not blocked is invoiced, posted and paid. Judged on the supplier's
 * standing in force at the business time of each fact: an invoice received while the supplier stands badly is
 * recorded with an exception; a posting or payment while it does is recorded with a control violation. A later
 * unblock or approval changes neither, since both describe what was true when the fact happened.
 */
public final class SupplierStatusControl {

    private SupplierStatusControl() {
    }

    /** The supplier's standing at {@code at} when it is not good; empty when good or unknown to the ledger. */
    public static Optional<SupplierControlFacts.Standing> badStanding(SupplierControlFacts facts, SupplierId supplier,
                                                                      Instant at) {
        return facts.standingAt(supplier, at).filter(standing -> standing.standing() != SupplierStanding.APPROVED);
    }

    public static ExceptionKind exceptionFor(SupplierControlFacts.Standing standing) {
        return standing.standing() == SupplierStanding.BLOCKED ? ExceptionKind.SUPPLIER_BLOCKED
                : ExceptionKind.SUPPLIER_NOT_APPROVED;
    }

    public static ControlKind postingViolation(SupplierControlFacts.Standing standing) {
        return standing.standing() == SupplierStanding.BLOCKED ? ControlKind.POSTING_BLOCKED_SUPPLIER
                : ControlKind.POSTING_UNAPPROVED_SUPPLIER;
    }

    public static ControlKind paymentViolation(SupplierControlFacts.Standing standing) {
        return standing.standing() == SupplierStanding.BLOCKED ? ControlKind.PAYMENT_BLOCKED_SUPPLIER
                : ControlKind.PAYMENT_UNAPPROVED_SUPPLIER;
    }

    /** Says in words what the standing was and why, for the exception's or violation's detail. */
    public static String describe(SupplierId supplier, SupplierControlFacts.Standing standing) {
        String state = standing.standing() == SupplierStanding.BLOCKED ? "blocked" : "not approved";
        return "supplier " + supplier + " was " + state + " (since " + standing.evidence().businessTime()
                + (standing.reason() == null ? "" : ": " + standing.reason()) + ")";
    }
}
