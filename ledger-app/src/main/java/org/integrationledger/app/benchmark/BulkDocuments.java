package org.integrationledger.app.benchmark;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.integrationledger.model.purchaseorder.ClosureReason;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErpDocumentStatus;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.Address;
import org.integrationledger.model.supplier.ProtectedBankAccount;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.TaxId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates the events of one bulk-loaded document, exactly as the aggregates would have recorded them from
 * connector commands: the same payloads, aggregate types, sequence numbers from 0 and the metadata the connector
 * path stamps (connector, message id, reporting system, correlation and causation ids). Every tenth document is a
 * supplier (requested and approved); the others are purchase orders of the run's suppliers, with a short life so
 * that a million documents make about 3.3 million events: requisition approved (70 %), issued, posted in the
 * routed ERP (90 %), fully received (60 % of posted) and closed (half of those).
 */
final class BulkDocuments {

    private static final SystemId PROCUREMENT = SystemId.of("PROCUREMENT");
    private static final int SUPPLIER_EVERY = 10;

    private final String runId;
    private final long seed;
    private final Instant businessStart;
    private final List<LegalEntityId> legalEntities;
    private final Map<String, ReferenceDataProperties.LegalEntity> entities;
    private final LegalEntityRouting routing;

    BulkDocuments(String runId, long seed, Instant businessStart, ReferenceDataProperties reference,
                  LegalEntityRouting routing) {
        this.runId = runId;
        this.seed = seed;
        this.businessStart = businessStart;
        this.entities = reference.legalEntities();
        // Sorted, so one seed gives the same documents whatever order the configuration map has.
        this.legalEntities = entities.keySet().stream().sorted().map(LegalEntityId::of).toList();
        this.routing = routing;
        if (legalEntities.isEmpty()) {
            throw new IllegalStateException("no legal entities configured under ledger.reference.legal-entities");
        }
    }

    /** The id of the run's first document (a supplier): present in the store once the run was loaded. */
    String firstAggregateId() {
        return DocumentKind.SUPPLIER.key(supplierId(0).value());
    }

    static boolean isSupplier(long document) {
        return document % SUPPLIER_EVERY == 0;
    }

    List<DomainEventMessage<?>> document(long n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        // Spread over 90 days of business time, a few documents per second of it.
        Instant start = businessStart.plusMillis(n * 250 + random.nextInt(250));
        return isSupplier(n) ? supplier(n, random, start) : purchaseOrder(n, random, start);
    }

    private List<DomainEventMessage<?>> supplier(long n, SplittableRandom random, Instant at) {
        SupplierId id = supplierId(n);
        LegalEntityId home = legalEntities.get((int) ((n / SUPPLIER_EVERY) % legalEntities.size()));
        String country = entities.get(home.value()).country();
        Events events = new Events(DocumentKind.SUPPLIER, id.value());
        events.add(new SupplierRequested(id, "Bulk supplier " + id.value() + " " + country + " Ltd",
                List.of(new TaxId("VAT", country, taxNumber(n))),
                List.of(new Address("REMIT_TO", (1 + random.nextInt(400)) + " Ledger Street", "Springfield",
                        Integer.toString(10_000 + random.nextInt(89_999)), country)),
                "NET30", bankAccount(n), List.of(home), "buyer" + random.nextInt(40) + "@example.com",
                PROCUREMENT, at), "procurement-connector", PROCUREMENT);
        events.add(new SupplierRequestApproved(id, "head.of.procurement@example.com", PROCUREMENT,
                at.plus(Duration.ofMinutes(40))), "procurement-connector", PROCUREMENT);
        return events.list;
    }

    private List<DomainEventMessage<?>> purchaseOrder(long n, SplittableRandom random, Instant at) {
        PurchaseOrderId id = PurchaseOrderId.of(runId + "-PO-" + n);
        SupplierId supplier = supplierId(n - n % SUPPLIER_EVERY);
        LegalEntityId legalEntity = legalEntities.get(random.nextInt(legalEntities.size()));
        RoutingDecision route = routing.routeFor(legalEntity);
        CurrencyCode currency = CurrencyCode.of(entities.get(legalEntity.value()).currency());
        String requisition = "REQ-" + id.value();
        String erpConnector = route.erp().value().toLowerCase().replace('_', '-') + "-connector";
        Events events = new Events(DocumentKind.PURCHASE_ORDER, id.value());

        if (random.nextDouble() < 0.7) {
            events.add(new RequisitionApproved(id, requisition, "approver" + random.nextInt(40) + "@example.com",
                    legalEntity, PROCUREMENT, at), "procurement-connector", PROCUREMENT);
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(10)));
        }
        List<PurchaseOrderLine> lines = new ArrayList<>();
        Money total = Money.zero(currency);
        for (int line = 1, count = 1 + random.nextInt(3); line <= count; line++) {
            PurchaseOrderLine orderLine = new PurchaseOrderLine(line, "Item " + random.nextInt(5_000),
                    new Quantity(BigDecimal.valueOf(1 + random.nextInt(50)), "EA"),
                    new UnitPrice(BigDecimal.valueOf(100 + random.nextInt(50_000), 2), currency), true);
            lines.add(orderLine);
            total = total.plus(orderLine.amount());
        }
        events.add(new PurchaseOrderIssued(id, supplier, legalEntity, route.erp(), requisition, List.copyOf(lines),
                total, 1, route, PROCUREMENT, at), "procurement-connector", PROCUREMENT);
        if (random.nextDouble() >= 0.9) {
            return events.list; // waiting for the ERP: an open SLA clock and a reconciliation divergence
        }
        at = at.plus(Duration.ofMinutes(2 + random.nextInt(20)));
        events.add(new PurchaseOrderPostedInErp(id, "ERP-" + id.value(), 1, total, ErpDocumentStatus.OPEN,
                route.erp(), at), erpConnector, route.erp());
        if (random.nextDouble() >= 0.6) {
            return events.list;
        }
        at = at.plus(Duration.ofDays(1 + random.nextInt(10)));
        events.add(new GoodsReceived(id, "GR-" + id.value() + "-1", lines.stream()
                .map(line -> new ReceiptLine(line.lineNumber(), line.quantity())).toList(), true, PROCUREMENT, at),
                "procurement-connector", PROCUREMENT);
        if (random.nextBoolean()) {
            events.add(new PurchaseOrderClosed(id, ClosureReason.COMPLETED, PROCUREMENT,
                    at.plus(Duration.ofDays(30))), "procurement-connector", PROCUREMENT);
        }
        return events.list;
    }

    private SupplierId supplierId(long n) {
        return SupplierId.of(runId + "-SUP-" + n);
    }

    /** Digits derived from the run and document, so no two loads (or simulator suppliers) claim one tax id. */
    private String taxNumber(long n) {
        return "BL" + hash(runId + "/" + n).substring(0, 20).toUpperCase();
    }

    private ProtectedBankAccount bankAccount(long n) {
        String hash = hash("bank/" + runId + "/" + n);
        return new ProtectedBankAccount("****" + hash.substring(0, 4).toUpperCase(), "hmac-sha256:" + hash);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** One document's events with consecutive sequence numbers and the connector path's metadata. */
    private final class Events {

        private final String type;
        private final String aggregateId;
        private final String businessId;
        private final List<DomainEventMessage<?>> list = new ArrayList<>(6);
        private String correlationId;

        Events(DocumentKind kind, String businessId) {
            this.type = kind.aggregateType();
            this.aggregateId = kind.key(businessId);
            this.businessId = businessId;
        }

        void add(Object payload, String connectorId, SystemId reportingSystem) {
            String messageId = connectorId.replace("-connector", "") + "-" + businessId + "-" + (list.size() + 1);
            // A connector would send one correlation id for the document's conversation; the first message's id.
            correlationId = correlationId == null ? messageId : correlationId;
            MetaData metaData = MetaData.with(LedgerMetadata.CONNECTOR_ID, connectorId)
                    .and(LedgerMetadata.MESSAGE_ID, messageId)
                    .and(LedgerMetadata.REPORTING_SYSTEM, reportingSystem.value())
                    .and(LedgerMetadata.CORRELATION_ID, correlationId)
                    // The command message the event would have come from; stable, so a reload looks the same.
                    .and(LedgerMetadata.CAUSATION_ID, UUID.nameUUIDFromBytes(
                            (runId + "/" + messageId).getBytes(StandardCharsets.UTF_8)).toString());
            list.add(new GenericDomainEventMessage<>(type, aggregateId, list.size(), payload, metaData));
        }
    }
}
