package org.integrationledger.model.supplier;

/** Where a supplier stands in onboarding: requested, approved or rejected, then active once its golden record exists. */
public enum SupplierState {
    REQUESTED, APPROVED, REJECTED, ACTIVE
}
