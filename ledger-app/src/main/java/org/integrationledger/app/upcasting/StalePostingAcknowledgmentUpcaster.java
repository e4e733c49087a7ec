package org.integrationledger.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.springframework.stereotype.Component;

/**
 * {@code StalePostingAcknowledgmentRecorded} revision 1 → 2: renames {@code acknowledgedVersion} to {@code version}
 * (the name every acknowledgment gives it, which SLA rules read) and adds {@code currentVersion}, {@code postedTotal} and
 * {@code erpStatus} as null. Revision 1 was recorded only when the ERP had already acknowledged a newer version and
 * kept neither the order's version at the time nor what the ERP said it held, so nothing truer can be filled in.
 */
@Component
class StalePostingAcknowledgmentUpcaster extends PayloadRevisionUpcaster {

    StalePostingAcknowledgmentUpcaster() {
        super("1", "2", StalePostingAcknowledgmentRecorded.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.set("version", payload.remove("acknowledgedVersion"));
        payload.putNull("currentVersion").putNull("postedTotal").putNull("erpStatus");
    }
}
