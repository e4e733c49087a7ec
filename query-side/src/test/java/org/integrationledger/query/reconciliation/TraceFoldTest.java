package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.integrationledger.model.controls.ControlEvidence;
import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.sla.SlaRuleRetired;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.Replay;
import org.integrationledger.query.representable.HostileEvents;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The trace's fold, run by its host: given these recorded events, then these steps (docs/reconciliation.md, "The
 * end-to-end trace"; docs/audit.md). The host's as-of replay and its live path make the same steps.
 */
class TraceFoldTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-11-23T10:00:00Z");
    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");

    private final List<TraceRow> inserted = new ArrayList<>();
    private final TraceTable table = new TraceTable(null) {
        @Override
        void insert(List<TraceRow> rows) {
            inserted.addAll(rows);
        }
    };
    private final FoldHost<Object, TraceRow> host =
            TraceConfiguration.host(table, Mockito.mock(PlatformTransactionManager.class));

    @Test
    void everyEventIsOneStepWithItsBusinessAndRecordedTimeSystemAndTheIdsItsMessageCarried() {
        TraceRow step = given(message("PurchaseOrder", "PO-1", 3, cancelled("PO-1"), "evt-1")).get(0);

        assertThat(step.eventId()).isEqualTo("evt-1");
        assertThat(step.traceKey()).isEqualTo("PO-1");
        assertThat(step.documentType()).isEqualTo(DocumentType.PURCHASE_ORDER);
        assertThat(step.documentId()).isEqualTo("PO-1");
        assertThat(step.sequenceNumber()).isEqualTo(3);
        assertThat(step.eventType()).isEqualTo("PurchaseOrderCancelled");
        assertThat(step.businessTime()).isEqualTo(NINE);
        assertThat(step.recordedAt()).isEqualTo(RECORDED);
        assertThat(step.reportingSystem()).isEqualTo("PROCUREMENT");
        assertThat(step.connectorId()).isEqualTo("procurement-connector");
        assertThat(step.messageId()).isEqualTo("msg-evt-1");
        assertThat(step.correlationId()).isEqualTo("corr-1");
        assertThat(step.causationId()).isEqualTo("cmd-evt-1");
    }

    @Test
    void theSummaryNamesTheEventsFieldsListsAsCountsAndLeavesOutWhatHasItsOwnColumn() {
        TraceRow step = given(message("PurchaseOrder", "PO-1", 0, HostileEvents.issued("PO-1", "2", "10.00", "20.00", NINE),
                "evt-1")).get(0);

        assertThat(step.summary())
                .contains("supplier=SUP-1", "legalEntity=US01", "lines=1 item(s)", "version=")
                .doesNotContain("purchaseOrderId", "reportingSystem", "occurredAt");
    }

    @Test
    void anEmptyListIsLeftOutOfTheSummaryAndANonEmptyOneCounted() {
        InvoiceControlViolated withoutEvidence = new InvoiceControlViolated(InvoiceId.of("INV-1"),
                LegalEntityId.of("US01"), SupplierId.of("SUP-1"), ControlKind.PAYMENT_CURRENCY_MISMATCH, "PAY-1",
                null, null, null, null, "paid in EUR", List.of(), SystemId.of("TREASURY"), NINE);
        InvoiceControlViolated withEvidence = new InvoiceControlViolated(InvoiceId.of("INV-1"),
                LegalEntityId.of("US01"), SupplierId.of("SUP-1"), ControlKind.PAYMENT_BLOCKED_SUPPLIER, "PAY-1",
                null, null, null, null, "blocked", List.of(new ControlEvidence("supplier", "SUP-1", 3,
                "SupplierBlocked", NINE, NINE)), SystemId.of("TREASURY"), NINE);

        assertThat(TraceSummaries.describe(withoutEvidence)).doesNotContain("evidence").endsWith("detail=paid in EUR");
        assertThat(TraceSummaries.describe(withEvidence)).contains("evidence=1 item(s)");
    }

    @Test
    void aBankAccountChangeShowsOnlyTheMaskedAccountTheEventCarries() {
        ProtectedBankAccount account = new ProtectedBankAccount("****1234", "hmac-sha256:" + "ab".repeat(32));
        TraceRow step = given(message("Supplier", "SUP-1", 4, new BankAccountChangeProposed(SupplierId.of("SUP-1"),
                account, "clerk", PROCUREMENT, NINE), "evt-1")).get(0);

        assertThat(step.documentType()).isEqualTo(DocumentType.SUPPLIER);
        assertThat(step.traceKey()).isEqualTo("SUP-1");
        assertThat(step.summary()).startsWith("proposedAccount=" + account + ", proposedBy=clerk");
    }

    @Test
    void anIssuedOrderRelatesToItsSupplierAndItsOtherStepsToNothing() {
        List<TraceRow> steps = given(
                message("PurchaseOrder", "PO-1", 0, HostileEvents.issued("PO-1", "2", "10.00", "20.00", NINE), "evt-1"),
                message("PurchaseOrder", "PO-1", 1, cancelled("PO-1"), "evt-2"));

        assertThat(steps).extracting(TraceRow::traceKey, TraceRow::relatedKey)
                .containsExactly(tuple("PO-1", "SUP-1"),
                        tuple("PO-1", null));
    }

    @Test
    void aReceivedInvoiceRelatesToItsOrderSoTheOrdersTraceFindsItsStepsAndItsLaterStepsToNothing() {
        List<TraceRow> steps = given(message("Invoice", "INV-1", 0, received("INV-1", "PO-1"), "evt-1"),
                message("Invoice", "INV-1", 1, new InvoiceMatched(InvoiceId.of("INV-1"), LegalEntityId.of("DE01"),
                        PurchaseOrderId.of("PO-1"), List.of(), "INVOICE_RECEIVED", PROCUREMENT, NINE), "evt-2"));

        assertThat(steps).extracting(TraceRow::documentType).containsOnly(DocumentType.INVOICE);
        assertThat(steps).extracting(TraceRow::traceKey).containsOnly("INV-1");
        assertThat(steps).extracting(TraceRow::relatedKey).containsExactly("PO-1", null);
        // An invoice's own id is not a column of its own beside the trace key: the summary names it.
        assertThat(steps.get(1).summary()).startsWith("invoiceId=INV-1");
    }

    @Test
    void aSuppliersStepsAreItsOwnAndRelateToNothing() {
        TraceRow step = given(message("Supplier", "SUP-1", 2,
                new SupplierBlocked(SupplierId.of("SUP-1"), 2, "sanctions", PROCUREMENT, NINE), "evt-1")).get(0);

        assertThat(step.traceKey()).isEqualTo("SUP-1");
        assertThat(step.relatedKey()).isNull();
        assertThat(step.summary()).isEqualTo("version=2, reason=sanctions");
    }

    @Test
    void aLongSummaryIsCutToItsColumnWithAnEllipsis() {
        TraceRow step = given(message("PurchaseOrder", "PO-1", 0, new PurchaseOrderCancelled(PurchaseOrderId.of("PO-1"),
                "x".repeat(2_000), PROCUREMENT, NINE), "evt-1")).get(0);

        assertThat(step.summary()).hasSize(1_000).startsWith("reason=xxx").endsWith("...");
    }

    @Test
    void eventsOfNoDocumentTheTraceFollowsMakeNoStep() {
        List<TraceRow> steps = given(new GenericEventMessage<>(new SlaRuleRetired("invoice-posting", NINE),
                MetaData.emptyInstance()));

        assertThat(steps).isEmpty();
    }

    @Test
    void eachEventIsItsOwnStepSoADocumentsStepsAreNeverFoldedTogether() {
        List<TraceRow> steps = given(message("PurchaseOrder", "PO-1", 0, cancelled("PO-1"), "evt-1"),
                message("PurchaseOrder", "PO-1", 1, cancelled("PO-1"), "evt-2"));

        assertThat(steps).extracting(TraceRow::eventId).containsExactly("evt-1", "evt-2");
        assertThat(steps).extracting(TraceRow::sequenceNumber).containsExactly(0L, 1L);
    }

    @Test
    void theLivePathWritesTheStepsTheReplayMakes() {
        GenericDomainEventMessage<PurchaseOrderEvent> order =
                message("PurchaseOrder", "PO-1", 0, HostileEvents.issued("PO-1", "2", "10.00", "20.00", NINE), "evt-1");
        GenericDomainEventMessage<InvoiceReceived> invoice = message("Invoice", "INV-1", 0, received("INV-1", "PO-1"),
                "evt-2");

        host.live(order.getPayload(), order);
        host.live(invoice.getPayload(), invoice);

        assertThat(inserted).containsExactlyElementsOf(given(order, invoice));
    }

    /** The steps the host's replay makes of these messages, in the order they were recorded. */
    private List<TraceRow> given(EventMessage<?>... messages) {
        Replay<Object, TraceRow> replay = host.replay();
        for (var message : messages) {
            replay.apply(message);
        }
        return replay.all().toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> GenericDomainEventMessage<T> message(String type, String document, long sequence, Object event,
                                                            String eventId) {
        Map<String, String> meta = Map.of(LedgerMetadata.CONNECTOR_ID, "procurement-connector",
                LedgerMetadata.MESSAGE_ID, "msg-" + eventId, LedgerMetadata.CORRELATION_ID, "corr-1",
                LedgerMetadata.CAUSATION_ID, "cmd-" + eventId);
        return new GenericDomainEventMessage<>(type, document, sequence, (T) event, MetaData.from(meta), eventId,
                RECORDED);
    }

    private static PurchaseOrderCancelled cancelled(String order) {
        return new PurchaseOrderCancelled(PurchaseOrderId.of(order), "no longer needed", PROCUREMENT, NINE);
    }

    private static InvoiceReceived received(String invoice, String order) {
        Money net = Money.of("100.00", "EUR");
        return new InvoiceReceived(InvoiceId.of(invoice), LegalEntityId.of("DE01"), SupplierId.of("SUP-1"),
                SupplierInvoiceNumber.of("SI-" + invoice), "SI" + invoice, LocalDate.parse("2026-12-01"),
                PurchaseOrderId.of(order), ERP_EMEA, "EMEA", "AP-EMEA", "EU_VAT", List.<InvoiceLine>of(), net,
                Money.zero(net.currency()), net, "clerk", PROCUREMENT, NINE);
    }
}
