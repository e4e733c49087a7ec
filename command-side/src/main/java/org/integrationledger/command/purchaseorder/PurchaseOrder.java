package org.integrationledger.command.purchaseorder;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.integrationledger.command.acknowledgment.StalenessRule;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.command.routing.LegalEntityCurrencies;
import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.model.purchaseorder.AcknowledgePurchaseOrderPosting;
import org.integrationledger.model.purchaseorder.AmendPurchaseOrder;
import org.integrationledger.model.purchaseorder.CancelPurchaseOrder;
import org.integrationledger.model.purchaseorder.ClosePurchaseOrder;
import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.IssuePurchaseOrder;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PostGoodsReceiptInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.ReceiveGoods;
import org.integrationledger.model.purchaseorder.RecordRequisitionApproval;
import org.integrationledger.model.purchaseorder.RejectPurchaseOrderPosting;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.RoutingDecision;
import org.integrationledger.model.shared.SystemId;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A purchase order as every system has reported it. Acknowledgments and rejections from an ERP may arrive
 * before procurement reports the order (they create it, known so far only downstream); everything else
 * needs the order to have been issued.
 */
@Aggregate(cache = "purchaseOrderCache", commandTargetResolver = "purchaseOrderTargetResolver")
public class PurchaseOrder {

    private PurchaseOrderId id;
    private boolean issued;
    private boolean cancelled;
    private boolean closed;
    private int version;
    private Money total;
    private SystemId routedTo;
    private final Map<Integer, PurchaseOrderLine> lines = new HashMap<>();
    private final Map<Integer, Quantity> received = new HashMap<>();
    private final Map<SystemId, Integer> acknowledgedVersionByErp = new HashMap<>();
    private final Set<String> receiptNumbers = new HashSet<>();

    protected PurchaseOrder() {
        // Axon rebuilds the order from its events and creates it on CREATE_IF_MISSING commands.
    }

    /** The event store key: ids are per document type, so a document of another type may share this id. */
    @AggregateIdentifier
    String storedKey() {
        return id == null ? null : DocumentKind.PURCHASE_ORDER.key(id.value());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordRequisitionApproval command) {
        return record(command.purchaseOrderId(), new RequisitionApproved(command.purchaseOrderId(),
                command.requisitionNumber(), command.approvedBy(), command.legalEntity(),
                command.reportingSystem(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(IssuePurchaseOrder command, LegalEntityRouting routing,
                                 LegalEntityCurrencies currencies) {
        if (issued) {
            throw new RuleViolation(ErrorCode.PURCHASE_ORDER_ALREADY_ISSUED, "purchase order "
                    + command.purchaseOrderId() + " was already issued; send an amendment for a new version");
        }
        PurchaseOrderTotals.check(command.lines(), command.total());
        currencies.requireAllowed(command.legalEntity(), command.total().currency());
        // The whole routing decision goes on the record, so history shows which rule version sent the order where.
        RoutingDecision route = routing.routeFor(command.legalEntity());
        return record(command.purchaseOrderId(), new PurchaseOrderIssued(command.purchaseOrderId(),
                command.supplier(), command.legalEntity(), route.erp(), command.requisitionNumber(), command.lines(),
                command.total(), 1, route, command.reportingSystem(), command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(AmendPurchaseOrder command) {
        requireOpen();
        if (command.version() <= version) {
            return record(id, new StaleAmendmentRecorded(id, command.version(), version,
                    command.reportingSystem(), command.occurredAt()));
        }
        CurrencyCode currency = total.currency();
        if (!command.total().currency().equals(currency)) {
            throw new RuleViolation(ErrorCode.CURRENCY_MISMATCH, "the order is in " + currency
                    + "; an amendment cannot change its currency to " + command.total().currency());
        }
        PurchaseOrderTotals.check(command.lines(), command.total());
        ReceiptPolicy.checkAmendment(command.lines(), received);
        Map<Integer, PurchaseOrderLine> newLines = new HashMap<>();
        command.lines().forEach(line -> newLines.put(line.lineNumber(), line));
        return record(id, new PurchaseOrderAmended(id, command.version(), command.lines(), command.total(), total,
                command.reason(), !received.isEmpty() && ReceiptPolicy.fullyReceived(newLines, received),
                ReceiptPolicy.beyondOrder(newLines, received), command.reportingSystem(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(AcknowledgePurchaseOrderPosting command) {
        SystemId erp = command.reportingSystem();
        Integer alreadyAcknowledged = acknowledgedVersionByErp.get(erp);
        if (StalenessRule.isStale(command.version(), version, alreadyAcknowledged)) {
            return record(command.purchaseOrderId(), new StalePostingAcknowledgmentRecorded(
                    command.purchaseOrderId(), command.erpDocumentNumber(), command.version(),
                    issued ? version : null, alreadyAcknowledged, command.postedTotal(), command.erpStatus(), erp,
                    command.occurredAt()));
        }
        return record(command.purchaseOrderId(), new PurchaseOrderPostedInErp(command.purchaseOrderId(),
                command.erpDocumentNumber(), command.version(), command.postedTotal(), command.erpStatus(), erp,
                command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RejectPurchaseOrderPosting command) {
        return record(command.purchaseOrderId(), new PurchaseOrderPostingRejected(command.purchaseOrderId(),
                command.version(), command.reasonCode(), command.reason(), command.reportingSystem(),
                command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(ReceiveGoods command) {
        requireOpen();
        Map<Integer, Quantity> after = ReceiptPolicy.receive(lines, received, command.lines());
        return record(id, new GoodsReceived(id, command.receiptNumber(), command.lines(),
                ReceiptPolicy.fullyReceived(lines, after), ReceiptPolicy.beyondOrder(lines, after),
                command.reportingSystem(), command.occurredAt()));
    }

    /**
     * The ERP's posting of a receipt is its fact, recorded as reported: a receipt the ledger has not heard of yet and
     * an ERP the order is not routed to are flagged on the event, not refused. A closed or cancelled order still
     * takes it (the goods arrived before); an order procurement has not issued does not (resend once it is).
     */
    @CommandHandler
    public CommandOutcome handle(PostGoodsReceiptInErp command) {
        requireIssued();
        return record(id, new GoodsReceiptPostedInErp(id, command.receiptNumber(), command.erpDocumentNumber(),
                receiptNumbers.contains(command.receiptNumber()), !command.reportingSystem().equals(routedTo),
                command.reportingSystem(), command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(CancelPurchaseOrder command) {
        requireOpen();
        return record(id, new PurchaseOrderCancelled(id, command.reason(), command.reportingSystem(),
                command.occurredAt()));
    }

    @CommandHandler
    public CommandOutcome handle(ClosePurchaseOrder command) {
        requireOpen();
        return record(id, new PurchaseOrderClosed(id, command.reason(), command.reportingSystem(),
                command.occurredAt()));
    }

    private void requireOpen() {
        requireIssued();
        if (cancelled) {
            throw new RuleViolation(ErrorCode.PURCHASE_ORDER_CANCELLED, "purchase order " + id + " is cancelled");
        }
        if (closed) {
            throw new RuleViolation(ErrorCode.PURCHASE_ORDER_CLOSED, "purchase order " + id + " is closed");
        }
    }

    private void requireIssued() {
        if (!issued) {
            throw new RuleViolation(ErrorCode.PURCHASE_ORDER_NOT_ISSUED, "purchase order " + id
                    + " has not been reported issued by procurement yet");
        }
    }

    private static CommandOutcome record(PurchaseOrderId id, Object... events) {
        for (Object event : events) {
            AggregateLifecycle.apply(event);
        }
        return new CommandOutcome(id.value(), AggregateLifecycle.getVersion(),
                Arrays.stream(events).map(event -> event.getClass().getSimpleName()).toList());
    }

    @EventSourcingHandler
    void on(RequisitionApproved event) {
        id = event.purchaseOrderId();
    }

    @EventSourcingHandler
    void on(PurchaseOrderIssued event) {
        id = event.purchaseOrderId();
        issued = true;
        version = event.version();
        total = event.total();
        routedTo = event.routedTo();
        replaceLines(event.lines());
    }

    @EventSourcingHandler
    void on(PurchaseOrderAmended event) {
        version = event.version();
        total = event.total();
        replaceLines(event.lines());
    }

    @EventSourcingHandler
    void on(PurchaseOrderPostedInErp event) {
        id = event.purchaseOrderId();
        acknowledgedVersionByErp.merge(event.reportingSystem(), event.version(), Math::max);
    }

    @EventSourcingHandler
    void on(PurchaseOrderPostingRejected event) {
        id = event.purchaseOrderId();
    }

    @EventSourcingHandler
    void on(GoodsReceived event) {
        event.lines().forEach(line -> received.merge(line.lineNumber(), line.quantity(), Quantity::plus));
        receiptNumbers.add(event.receiptNumber());
    }

    @EventSourcingHandler
    void on(PurchaseOrderCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(PurchaseOrderClosed event) {
        closed = true;
    }

    private void replaceLines(List<PurchaseOrderLine> newLines) {
        lines.clear();
        newLines.forEach(line -> lines.put(line.lineNumber(), line));
    }
}
