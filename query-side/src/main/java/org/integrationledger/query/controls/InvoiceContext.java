package org.integrationledger.query.controls;

import org.integrationledger.model.controls.ControlEvidence;

/**
 * What the controls report keeps of an invoice to describe its violations: where it belongs (legal entity,
 * region, supplier) and the last posting and payment recorded on it, the facts a violation accompanies.
 */
record InvoiceContext(String invoiceId, String legalEntity, String region, String supplierId,
                      ControlEvidence receipt, ControlEvidence lastPosting, ControlEvidence lastPayment) {

    static InvoiceContext empty(String invoiceId) {
        return new InvoiceContext(invoiceId, null, null, null, null, null, null);
    }
}
