package org.integrationledger.query.reconciliation;

import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DivergenceFlag;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.ReconciliationEntry;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A document reported downstream before its source reported it names the system that reported it and that system's
 * region (the document has no region of its own yet), for every document type.
 */
class KnownOnlyDownstreamTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final SystemRegions REGIONS = SystemRegions.of(Map.of("ERP_NA", "NA", "ERP_EMEA", "EMEA",
            "PROCUREMENT", "GLOBAL"));

    private final ReconciliationFixture fixture = new ReconciliationFixture(REGIONS);

    @Test
    void aPurchaseOrderPostedBeforeItWasIssuedNamesItsErpAndRegion() {
        apply(new PurchaseOrderPostedInErp(PurchaseOrderId.of("PO-1"), "4500000001", 1, null, null,
                SystemId.of("ERP_EMEA"), NINE));

        assertThat(entry(DocumentType.PURCHASE_ORDER, "PO-1").divergences())
                .extracting(DivergenceFlag::flag, DivergenceFlag::system, DivergenceFlag::region)
                .containsExactly(tuple(Divergence.KNOWN_ONLY_DOWNSTREAM, SystemId.of("ERP_EMEA"), "EMEA"));
    }

    @Test
    void anInvoicePostedBeforeProcurementReportedItNamesItsErpAndRegion() {
        apply(new InvoicePostedInErp(InvoiceId.of("INV-1"), LegalEntityId.of("US01"), "5100000001", "2026-11",
                SystemId.of("ERP_NA"), NINE));

        assertThat(entry(DocumentType.INVOICE, "INV-1").divergences())
                .extracting(DivergenceFlag::flag, DivergenceFlag::system, DivergenceFlag::region)
                .containsExactly(tuple(Divergence.KNOWN_ONLY_DOWNSTREAM, SystemId.of("ERP_NA"), "NA"));
    }

    @Test
    void aConfirmationBeforeItsPaymentNamesProcurement() {
        apply(new PaymentConfirmationAcknowledged(InvoiceId.of("INV-2"), LegalEntityId.of("US01"), "PAY-1", NINE,
                SystemId.of("PROCUREMENT"), NINE.plusSeconds(60)));

        assertThat(entry(DocumentType.PAYMENT, "INV-2:PAY-1").divergences())
                .extracting(DivergenceFlag::flag, DivergenceFlag::system, DivergenceFlag::region)
                .containsExactly(tuple(Divergence.KNOWN_ONLY_DOWNSTREAM, SystemId.of("PROCUREMENT"), "GLOBAL"));
    }

    private void apply(Object event) {
        fixture.recordedAt(NINE, event);
    }

    private ReconciliationEntry entry(DocumentType type, String id) {
        DocumentState document = type == DocumentType.PAYMENT
                ? fixture.payment(id.substring(0, id.indexOf(':')), id.substring(id.indexOf(':') + 1))
                : fixture.document(type, id);
        return document.toEntry(NINE.plusSeconds(3600));
    }
}
