package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.springframework.stereotype.Component;

/**
 * {@code StaleSupplierAcknowledgmentRecorded} revision 1 → 2: renames {@code acknowledgedVersion} to {@code version}
 * (the name every acknowledgment gives it, which SLA rules read) and adds {@code currentVersion}, {@code heldBankAccount}
 * and {@code bankAccountMatchesGoldenRecord} as null. Revision 1 was recorded only when the system had already
 * acknowledged a newer version and kept neither the golden record's version at the time nor the held account, so
 * nothing truer can be filled in (null: the system did not say).
 */
@Component
class StaleSupplierAcknowledgmentUpcaster extends PayloadRevisionUpcaster {

    StaleSupplierAcknowledgmentUpcaster() {
        super("1", "2", StaleSupplierAcknowledgmentRecorded.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.set("version", payload.remove("acknowledgedVersion"));
        payload.putNull("currentVersion").putNull("heldBankAccount").putNull("bankAccountMatchesGoldenRecord");
    }
}
