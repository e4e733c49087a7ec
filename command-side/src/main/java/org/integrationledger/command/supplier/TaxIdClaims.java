package org.integrationledger.command.supplier;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.supplier.TaxId;

import java.util.Optional;

/** The command side's lookup of registered tax ids (normalised), fed by a subscribing processor. */
public interface TaxIdClaims {

    /** The supplier that holds the tax id, if any. */
    Optional<SupplierId> holderOf(String normalizedTaxId);

    /** The refusal of a tax id another supplier already holds. */
    static RuleViolation duplicate(TaxId taxId, SupplierId holder) {
        return new RuleViolation(ErrorCode.DUPLICATE_SUPPLIER, "tax id " + taxId.scheme() + " " + taxId.normalized()
                + " is already registered as supplier " + holder);
    }
}
