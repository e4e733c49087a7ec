package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.SupplierId;

/** Finds one supplier with the state of its copy in every target system; empty when the ledger does not know it. */
public record FindSupplier(SupplierId supplierId) {

    public FindSupplier {
        Checks.required(supplierId, "supplierId");
    }
}
