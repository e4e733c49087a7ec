package org.integrationledger.model.purchaseorder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.integrationledger.model.shared.Checks;

import java.util.regex.Pattern;

/**
 * The purchase order number issued by the procurement platform. ERPs carry it as the external reference,
 * so an ERP acknowledgment can name the order even when it arrives before procurement reports it.
 */
public record PurchaseOrderId(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @JsonCreator
    public PurchaseOrderId {
        Checks.matching(value, "purchase order id", SHAPE);
    }

    public static PurchaseOrderId of(String value) {
        return new PurchaseOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
