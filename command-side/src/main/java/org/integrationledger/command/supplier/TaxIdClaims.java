package org.integrationledger.command.supplier;

import org.integrationledger.model.shared.SupplierId;

import java.util.Optional;

/** The command side's lookup of registered tax ids (normalised), fed by a subscribing processor. */
public interface TaxIdClaims {

    /** The supplier that holds the tax id, if any. */
    Optional<SupplierId> holderOf(String normalizedTaxId);
}
