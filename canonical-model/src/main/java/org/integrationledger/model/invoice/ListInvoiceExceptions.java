package org.integrationledger.model.invoice;

import org.integrationledger.model.shared.Checks;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SupplierId;

/** The invoice exception queue, oldest business time first; every filter is optional (null means any). */
public record ListInvoiceExceptions(ExceptionStatus status, ExceptionKind kind, String queue, String region,
                                    LegalEntityId legalEntity, SupplierId supplier, PageRequest page) {

    public ListInvoiceExceptions {
        Checks.required(page, "page");
    }
}
