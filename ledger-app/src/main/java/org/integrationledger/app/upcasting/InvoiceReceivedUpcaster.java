package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.springframework.stereotype.Component;

/**
 * {@code InvoiceReceived} revision 1 → 2: adds {@code billedTo} as null. Revision 1 invoices were received without the
 * legal entity they are addressed to, so they are read as not saying it (none), never as billed to their order's.
 */
@Component
class InvoiceReceivedUpcaster extends PayloadRevisionUpcaster {

    InvoiceReceivedUpcaster() {
        super("1", "2", InvoiceReceived.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.putNull("billedTo");
    }
}
