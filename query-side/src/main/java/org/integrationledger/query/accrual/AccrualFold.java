package org.integrationledger.query.accrual;

import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.ReceiptLine;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.SystemId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GR/IR rules: how each event adds facts to its order's lines. One method per event type that adds facts, each a
 * pure {@code OrderFacts apply(OrderFacts, Event, Recorded)}; {@link AccrualEvents} says which event goes to which
 * rule (and which add nothing), through each event family's visitor.
 */
final class AccrualFold {

    private AccrualFold() {
    }

    static OrderFacts apply(OrderFacts state, PurchaseOrderIssued issued, Recorded recorded) {
        Facts facts = new Facts(state, recorded, new OrderFacts.Header(issued.legalEntity().value(),
                issued.supplier().value(), issued.total().currency().value(), issued.routedTo().value()),
                issued.reportingSystem(), issued.occurredAt());
        for (PurchaseOrderLine line : issued.lines()) {
            facts.add(line.lineNumber(), FactKind.ORDERED, line.quantity().value(), line.quantity().unitOfMeasure(),
                    line.amount().amount(), line.unitPrice().currency().value(), line.unitPrice().amount(),
                    issued.version(), null, issued.requisitionNumber(), line.goodsReceiptRequired());
        }
        return state.with(facts.added);
    }

    /** Adds the difference each changed, new or removed line makes; an unchanged line adds nothing. */
    static OrderFacts apply(OrderFacts state, PurchaseOrderAmended amended, Recorded recorded) {
        if (state.header().isEmpty()) {
            return state.with(List.of());
        }
        Facts facts = new Facts(state, recorded, state.header().get(), amended.reportingSystem(),
                amended.occurredAt());
        Map<Integer, PurchaseOrderLine> newLines = new HashMap<>();
        amended.lines().forEach(line -> newLines.put(line.lineNumber(), line));
        Map<Integer, OrderFacts.Terms> before = state.allTerms();
        for (PurchaseOrderLine line : amended.lines()) {
            Optional<OrderFacts.Terms> old = Optional.ofNullable(before.get(line.lineNumber()));
            BigDecimal oldQuantity = old.map(OrderFacts.Terms::quantity).orElse(BigDecimal.ZERO);
            BigDecimal oldAmount = old.map(OrderFacts.Terms::amount).orElse(BigDecimal.ZERO);
            BigDecimal oldPrice = old.map(OrderFacts.Terms::unitPrice).orElse(null);
            boolean changed = oldPrice == null || oldPrice.compareTo(line.unitPrice().amount()) != 0
                    || oldQuantity.compareTo(line.quantity().value()) != 0;
            if (changed) {
                facts.add(line.lineNumber(), FactKind.ORDERED, line.quantity().value().subtract(oldQuantity),
                        line.quantity().unitOfMeasure(), line.amount().amount().subtract(oldAmount),
                        line.unitPrice().currency().value(), line.unitPrice().amount(), amended.version(), null,
                        amended.reason(), line.goodsReceiptRequired());
            }
        }
        for (Map.Entry<Integer, OrderFacts.Terms> entry : before.entrySet()) {
            int lineNumber = entry.getKey();
            OrderFacts.Terms removed = entry.getValue();
            if (!newLines.containsKey(lineNumber) && removed.quantity().signum() != 0) {
                facts.add(lineNumber, FactKind.ORDERED, removed.quantity().negate(), removed.unitOfMeasure(),
                        removed.amount().negate(), state.header().get().currency(), removed.unitPrice(),
                        amended.version(), null, amended.reason(), removed.goodsReceiptRequired());
            }
        }
        return state.with(facts.added);
    }

    /** Receipts are valued at the order price in force when they arrived, as an ERP values a goods receipt. */
    static OrderFacts apply(OrderFacts state, GoodsReceived received, Recorded recorded) {
        if (state.header().isEmpty()) {
            return state.with(List.of());
        }
        OrderFacts.Header header = state.header().get();
        Facts facts = new Facts(state, recorded, header, received.reportingSystem(), received.occurredAt());
        Map<Integer, OrderFacts.Terms> current = state.allTerms();
        for (ReceiptLine line : received.lines()) {
            Optional.ofNullable(current.get(line.lineNumber())).ifPresent(terms -> {
                UnitPrice price = new UnitPrice(terms.unitPrice(), CurrencyCode.of(header.currency()));
                facts.add(line.lineNumber(), FactKind.RECEIVED, line.quantity().value(),
                        line.quantity().unitOfMeasure(), price.times(line.quantity()).amount(), header.currency(),
                        terms.unitPrice(), currentVersion(state), null, received.receiptNumber(),
                        terms.goodsReceiptRequired());
            });
        }
        return state.with(facts.added);
    }

    /**
     * Only the routed ERP's posting puts a receipt in the books the accrual is booked in. The posting names a receipt,
     * not lines: it goes on the lines that receipt was recorded on, or, when the receipt has not reached the ledger
     * yet, on every line of the order, so the receipt finds it whenever it comes.
     */
    static OrderFacts apply(OrderFacts state, GoodsReceiptPostedInErp posted, Recorded recorded) {
        if (state.header().isEmpty() || !Objects.equals(state.header().get().routedTo(),
                posted.reportingSystem().value())) {
            return state.with(List.of());
        }
        OrderFacts.Header header = state.header().get();
        Map<Integer, OrderFacts.Terms> terms = state.allTerms();
        Set<Integer> lines = new TreeSet<>();
        for (AccrualFact fact : state.facts()) {
            if (fact.kind() == FactKind.RECEIVED && posted.receiptNumber().equals(fact.reference())) {
                lines.add(fact.lineNumber());
            }
        }
        if (lines.isEmpty()) {
            lines.addAll(terms.keySet());
        }
        Facts facts = new Facts(state, recorded, header, posted.reportingSystem(), posted.occurredAt());
        // Receipts are recorded only on lines the order has (had), so every line here has terms.
        for (int lineNumber : lines) {
            OrderFacts.Terms line = terms.get(lineNumber);
            facts.add(lineNumber, FactKind.RECEIPT_POSTED_IN_ERP, BigDecimal.ZERO, line.unitOfMeasure(),
                    BigDecimal.ZERO, header.currency(), line.unitPrice(), currentVersion(state), null,
                    posted.receiptNumber(), line.goodsReceiptRequired());
        }
        return state.with(facts.added);
    }

    static OrderFacts apply(OrderFacts state, PurchaseOrderPostedInErp posted, Recorded recorded) {
        return erpHolds(state, posted.version(), posted.erpDocumentNumber(), posted.reportingSystem(),
                posted.occurredAt(), recorded);
    }

    /** The ERP does hold the older version it acknowledged; a newer acknowledgment still stands (highest wins). */
    static OrderFacts apply(OrderFacts state, StalePostingAcknowledgmentRecorded stale, Recorded recorded) {
        return erpHolds(state, stale.version(), stale.erpDocumentNumber(), stale.reportingSystem(),
                stale.occurredAt(), recorded);
    }

    /** An invoice in another currency than the order is kept in its own currency (see CURRENCY_MISMATCH). */
    static OrderFacts apply(OrderFacts state, InvoiceReceived invoice, Recorded recorded) {
        OrderFacts.Header header = state.header().orElseGet(() -> new OrderFacts.Header(
                invoice.legalEntity().value(), invoice.supplier().value(), invoice.gross().currency().value(),
                invoice.routedTo().value()));
        Facts facts = new Facts(state, recorded, header, invoice.reportingSystem(), invoice.occurredAt());
        Map<Integer, OrderFacts.Terms> current = state.allTerms();
        // Billed to another legal entity, it is booked in that entity's books (LEGAL_ENTITY_MISMATCH).
        Optional<String> otherEntity = Optional.ofNullable(invoice.billedTo()).map(entity -> entity.value())
                .filter(entity -> !entity.equals(header.legalEntity()));
        for (InvoiceLine line : invoice.lines()) {
            boolean receiptRequired = Optional.ofNullable(current.get(line.purchaseOrderLine()))
                    .map(OrderFacts.Terms::goodsReceiptRequired).orElse(true);
            facts.add(line.purchaseOrderLine(), FactKind.INVOICED, line.quantity().value(),
                    line.quantity().unitOfMeasure(), line.amount().amount(), line.unitPrice().currency().value(),
                    line.unitPrice().amount(), currentVersion(state), invoice.invoiceId().value(),
                    invoice.supplierInvoiceNumber().toString(), receiptRequired);
            otherEntity.ifPresent(entity -> facts.add(line.purchaseOrderLine(), FactKind.BILLED_TO_OTHER_ENTITY,
                    line.quantity().value(), line.quantity().unitOfMeasure(), line.amount().amount(),
                    line.unitPrice().currency().value(), line.unitPrice().amount(), currentVersion(state),
                    invoice.invoiceId().value(), entity, receiptRequired));
        }
        return state.with(facts.added);
    }

    /** Matched once: a re-match after a match (none is sent today) adds nothing. */
    static OrderFacts apply(OrderFacts state, InvoiceMatched matched, Recorded recorded) {
        return copyInvoiceLines(state, matched.invoiceId().value(), FactKind.MATCHED, matched.trigger(),
                matched.reportingSystem(), matched.occurredAt(), recorded);
    }

    static OrderFacts apply(OrderFacts state, InvoicePostedInErp posted, Recorded recorded) {
        return copyInvoiceLines(state, posted.invoiceId().value(), FactKind.INVOICE_POSTED_IN_ERP,
                posted.erpDocumentNumber(), posted.reportingSystem(), posted.occurredAt(), recorded);
    }

    /**
     * Paid when the payments add up to the gross: a payment is of the invoice, not of a line, so a partial payment
     * is not spread over lines by a guess.
     */
    static OrderFacts apply(OrderFacts state, InvoicePaymentExecuted executed, Recorded recorded) {
        boolean paidInFull = executed.totalPaid().currency().equals(executed.gross().currency())
                && executed.totalPaid().amount().compareTo(executed.gross().amount()) >= 0;
        if (!paidInFull) {
            return state.with(List.of());
        }
        return copyInvoiceLines(state, executed.invoiceId().value(), FactKind.PAID, executed.paymentReference(),
                executed.reportingSystem(), executed.occurredAt(), recorded);
    }

    private static OrderFacts erpHolds(OrderFacts state, int version, String erpDocumentNumber, SystemId erp,
                                       Instant occurredAt, Recorded recorded) {
        // Only the routed ERP's acknowledgment says what the ERP that books the accrual holds.
        if (state.header().isEmpty() || !Objects.equals(state.header().get().routedTo(), erp.value())) {
            return state.with(List.of());
        }
        OrderFacts.Header header = state.header().get();
        Facts facts = new Facts(state, recorded, header, erp, occurredAt);
        for (Map.Entry<Integer, OrderFacts.Terms> entry : state.allTerms().entrySet()) {
            int lineNumber = entry.getKey();
            OrderFacts.Terms terms = entry.getValue();
            facts.add(lineNumber, FactKind.ORDER_POSTED_IN_ERP, BigDecimal.ZERO, terms.unitOfMeasure(),
                    BigDecimal.ZERO, header.currency(), terms.unitPrice(), version, null, erpDocumentNumber,
                    terms.goodsReceiptRequired());
        }
        return state.with(facts.added);
    }

    private static OrderFacts copyInvoiceLines(OrderFacts state, String invoiceId, FactKind kind, String reference,
                                               SystemId system, Instant occurredAt, Recorded recorded) {
        List<AccrualFact> invoiced = state.ofInvoice(invoiceId, FactKind.INVOICED);
        if (invoiced.isEmpty() || !state.ofInvoice(invoiceId, kind).isEmpty()) {
            return state.with(List.of());
        }
        AccrualFact first = invoiced.get(0);
        Facts facts = new Facts(state, recorded, new OrderFacts.Header(first.legalEntity(), first.supplierId(),
                first.currency(), first.routedTo()), system, occurredAt);
        for (AccrualFact line : invoiced) {
            facts.add(line.lineNumber(), kind, line.quantity(), line.unitOfMeasure(), line.amount(),
                    line.factCurrency(), line.unitPrice(), line.orderVersion(), invoiceId, reference,
                    line.goodsReceiptRequired());
        }
        return state.with(facts.added);
    }

    private static int currentVersion(OrderFacts state) {
        return state.facts().stream().filter(f -> f.kind() == FactKind.ORDERED)
                .mapToInt(AccrualFact::orderVersion).max().orElse(0);
    }

    /** Numbers the facts one event adds, all with the event's order header, source, business and recorded time. */
    private static final class Facts {
        private final OrderFacts state;
        private final Recorded recorded;
        private final OrderFacts.Header header;
        private final SystemId source;
        private final Instant occurredAt;
        private final List<AccrualFact> added = new ArrayList<>();

        Facts(OrderFacts state, Recorded recorded, OrderFacts.Header header, SystemId source, Instant occurredAt) {
            this.state = state;
            this.recorded = recorded;
            this.header = header;
            this.source = source;
            this.occurredAt = occurredAt;
        }

        void add(int lineNumber, FactKind kind, BigDecimal quantity, String unitOfMeasure, BigDecimal amount,
                 String factCurrency, BigDecimal unitPrice, int orderVersion, String invoiceId, String reference,
                 boolean goodsReceiptRequired) {
            added.add(new AccrualFact(recorded.eventId(), added.size(), state.purchaseOrderId(), lineNumber, kind,
                    header.legalEntity(), header.supplierId(), header.currency(), header.routedTo(), source.value(),
                    quantity, unitOfMeasure, amount, factCurrency, unitPrice, orderVersion, invoiceId, reference,
                    goodsReceiptRequired, occurredAt, recorded.recordedAt()));
        }
    }
}
