package org.integrationledger.command.supplier;

import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
import org.integrationledger.model.supplier.RecordDuplicateSupplierRequest;
import org.integrationledger.model.supplier.TaxId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.command.supplier.SupplierFixture.*;

/**
 * A tax id registered to one supplier cannot be registered for another, however it is written. The aggregate
 * checks the command-side lookup to name the holder; the lookup's key decides concurrent requests
 * (SupplierDuplicateRaceIntegrationTest).
 */
class DuplicateTaxIdTest {

    private static final SupplierId HOLDER = SupplierId.of("SUP-0001");

    @Test
    void rejectsATaxIdAlreadyRegisteredNamingTheExistingSupplier() {
        suppliers(Map.of("DE123456789", HOLDER))
                .givenNoPriorActivity()
                .when(request(new TaxId("VAT", "DE", "de 123 456 789")))
                .expectNoEvents()
                .expectException(ruleViolation(ErrorCode.DUPLICATE_SUPPLIER))
                .expectExceptionMessage("tax id VAT DE123456789 is already registered as supplier SUP-0001");
    }

    @Test
    void recordsACaughtDuplicateRequestOnTheSupplierThatHoldsTheTaxId() {
        SupplierId refused = SupplierId.of("SUP-0999");
        MessageId request = MessageId.of("proc-msg-0999");
        suppliers(Map.of())
                .given(requested())
                .when(new RecordDuplicateSupplierRequest(MessageId.of("duplicate:proc-msg-0999"), PROCUREMENT,
                        REQUESTED_AT, SUPPLIER, refused, VAT, "Kugellager Werke", "buyer.bob@example.com", request))
                .expectEvents(new DuplicateSupplierRequestCaught(SUPPLIER, refused, VAT, "Kugellager Werke",
                        "buyer.bob@example.com", request, PROCUREMENT, REQUESTED_AT));
    }

    @Test
    void acceptsATaxIdNobodyHolds() {
        suppliers(Map.of("DE999999999", HOLDER))
                .givenNoPriorActivity()
                .when(request())
                .expectEvents(requested());
    }

    @Test
    void normalisesCaseSpacesSeparatorsAndTheCountryPrefix() {
        assertThat(new TaxId("VAT", "DE", "de 123.456-789").normalized()).isEqualTo("DE123456789");
        assertThat(new TaxId("VAT", "DE", "123456789").normalized()).isEqualTo("DE123456789");
        assertThat(new TaxId("EIN", "US", "12-3456789").normalized()).isEqualTo("US123456789");
        assertThat(new TaxId("VAT", "FR", "123456789").normalized()).isNotEqualTo("DE123456789");
    }
}
