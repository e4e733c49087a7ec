package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.Checks;

import java.util.regex.Pattern;

/** A postal address of a supplier; {@code purpose} says what it is for (ORDERING, REMIT_TO, ...). */
public record Address(String purpose, String street, String city, String postalCode, String country) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Address {
        Checks.text(purpose, "address purpose", 32);
        Checks.text(street, "street", 200);
        Checks.text(city, "city", 100);
        Checks.text(postalCode, "postal code", 20);
        Checks.matching(country, "address country", COUNTRY);
    }
}
