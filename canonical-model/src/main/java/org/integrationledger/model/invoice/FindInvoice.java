package org.integrationledger.model.invoice;

import org.integrationledger.model.shared.Checks;

/** Finds the current view of one invoice; answers an empty result when the ledger does not know it. */
public record FindInvoice(InvoiceId invoiceId) {

    public FindInvoice {
        Checks.required(invoiceId, "invoiceId");
    }
}
