package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;

/** Lists purchase orders, newest business activity first; every filter is optional (null means any). */
public record ListPurchaseOrders(ProcurementStatus procurementStatus, ErpPostingStatus erpStatus, SystemId erp,
                                 LegalEntityId legalEntity, PageRequest page) {

    public ListPurchaseOrders {
        Checks.required(page, "page");
    }
}
