package org.integrationledger.model.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A document's stored key names its type and its business id; the same id in two types makes two keys. */
class DocumentKeyTest {

    @Test
    void qualifiesTheBusinessIdWithTheDocumentType() {
        assertThat(DocumentKind.PURCHASE_ORDER.key("COLL-1")).isEqualTo("purchase-order:COLL-1");
        assertThat(DocumentKind.INVOICE.key("COLL-1")).isEqualTo("invoice:COLL-1");
        assertThat(DocumentKind.SUPPLIER.key("COLL-1")).isEqualTo("supplier:COLL-1");
    }

    @Test
    void readsTheTypeAndTheBusinessIdBackFromAStoredKey() {
        assertThat(DocumentKey.parse("invoice:COLL-1")).contains(new DocumentKey(DocumentKind.INVOICE, "COLL-1"));
        assertThat(DocumentKey.businessIdOf("supplier:COLL-1")).isEqualTo("COLL-1");
        assertThat(new DocumentKey(DocumentKind.PURCHASE_ORDER, "PO-1").value()).isEqualTo("purchase-order:PO-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sla-rule:po-posting", "PO-2026-0001", "0b6c1f5e-2f0a-4a43-9d0e-2a4f5e1c7d11"})
    void leavesAnIdentifierThatIsNoDocumentKeyAsItIs(String stored) {
        assertThat(DocumentKey.parse(stored)).isEmpty();
        assertThat(DocumentKey.businessIdOf(stored)).isEqualTo(stored);
    }

    @Test
    void knowsEachKindByItsLabelAndItsAggregateType() {
        assertThat(DocumentKind.named("purchase-order")).contains(DocumentKind.PURCHASE_ORDER);
        assertThat(DocumentKind.named("INVOICE")).contains(DocumentKind.INVOICE);
        assertThat(DocumentKind.named("payment")).isEmpty();
        assertThat(DocumentKind.ofAggregateType("Supplier")).contains(DocumentKind.SUPPLIER);
        assertThat(DocumentKind.ofAggregateType("SlaRule")).isEmpty();
    }
}
