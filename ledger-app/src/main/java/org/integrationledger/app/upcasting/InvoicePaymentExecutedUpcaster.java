package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.springframework.stereotype.Component;

/**
 * {@code InvoicePaymentExecuted} revision 1 → 2: adds {@code beneficiaryAccount} as null. Revision 1 payments were
 * reported without the account paid, so the beneficiary control has nothing to judge them on, and says so rather
 * than inventing an account.
 */
@Component
class InvoicePaymentExecutedUpcaster extends PayloadRevisionUpcaster {

    InvoicePaymentExecutedUpcaster() {
        super("1", "2", InvoicePaymentExecuted.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.putNull("beneficiaryAccount");
    }
}
