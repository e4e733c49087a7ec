package org.integrationledger.model.purchaseorder;

import org.integrationledger.model.shared.Checks;

import java.math.BigDecimal;

/** A non-negative quantity in a unit of measure (EA, KG, H, ...), at most three decimals. */
public record Quantity(BigDecimal value, String unitOfMeasure) {

    public Quantity {
        Checks.required(value, "quantity");
        Checks.text(unitOfMeasure, "unit of measure", 8);
        if (value.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException("quantity " + Checks.echo(value) + " has more than 3 decimals");
        }
        // One value, one representation: a retry that writes 2.0 for 2 is the same message.
        value = Checks.normalized(value);
    }

    public static Quantity of(String value, String unitOfMeasure) {
        return new Quantity(new BigDecimal(value), unitOfMeasure);
    }

    public Quantity plus(Quantity other) {
        requireSameUnit(other);
        return new Quantity(value.add(other.value), unitOfMeasure);
    }

    public boolean exceeds(Quantity other) {
        requireSameUnit(other);
        return value.compareTo(other.value) > 0;
    }

    private void requireSameUnit(Quantity other) {
        if (!unitOfMeasure.equals(other.unitOfMeasure)) {
            throw new IllegalArgumentException("unit " + other.unitOfMeasure + " differs from " + unitOfMeasure);
        }
    }
}
