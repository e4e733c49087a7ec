package org.integrationledger.query.accrual;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fold's state for one purchase order: every fact recorded about its lines so far ({@code facts}) and the
 * facts the last applied event added ({@code added}, which the projection writes). Immutable; the fold returns a
 * new state. What the rules need (the line's current terms, the order's header, an invoice's lines) is derived
 * from the facts, so the stored rows are the whole state.
 */
record OrderFacts(String purchaseOrderId, List<AccrualFact> facts, List<AccrualFact> added) {

    OrderFacts {
        facts = List.copyOf(facts);
        added = List.copyOf(added);
    }

    static OrderFacts empty(String purchaseOrderId) {
        return new OrderFacts(purchaseOrderId, List.of(), List.of());
    }

    static OrderFacts of(String purchaseOrderId, List<AccrualFact> stored) {
        return new OrderFacts(purchaseOrderId, stored, List.of());
    }

    /** The state after an event that added {@code newFacts} (possibly none). */
    OrderFacts with(List<AccrualFact> newFacts) {
        List<AccrualFact> all = new ArrayList<>(facts);
        all.addAll(newFacts);
        return new OrderFacts(purchaseOrderId, all, newFacts);
    }

    /** Who the order is for, from its first ordered fact; empty while the order's issue is unknown. */
    Optional<Header> header() {
        return facts.stream().filter(f -> f.kind() == FactKind.ORDERED).findFirst()
                .map(f -> new Header(f.legalEntity(), f.supplierId(), f.currency(), f.routedTo()));
    }

    /** The line's terms in the latest version that changed it; empty for a line the order never had. */
    Optional<Terms> terms(int lineNumber) {
        List<AccrualFact> ordered = facts.stream()
                .filter(f -> f.kind() == FactKind.ORDERED && f.lineNumber() == lineNumber).toList();
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        AccrualFact latest = ordered.stream().max(Comparator.comparingInt(AccrualFact::orderVersion)).orElseThrow();
        BigDecimal quantity = ordered.stream().map(AccrualFact::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = ordered.stream().map(AccrualFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Terms(quantity, latest.unitOfMeasure(), latest.unitPrice(), amount,
                latest.goodsReceiptRequired()));
    }

    /** Every line the order has had, in line order. */
    SortedSet<Integer> lineNumbers() {
        SortedSet<Integer> lines = new TreeSet<>();
        facts.stream().filter(f -> f.kind() == FactKind.ORDERED).forEach(f -> lines.add(f.lineNumber()));
        return lines;
    }

    /** The facts of one kind about one invoice. */
    List<AccrualFact> ofInvoice(String invoiceId, FactKind kind) {
        return facts.stream().filter(f -> f.kind() == kind && invoiceId.equals(f.invoiceId())).toList();
    }

    /** Order-level values copied onto each fact. */
    record Header(String legalEntity, String supplierId, String currency, String routedTo) {
    }

    /** A line's current quantity, unit price and amount (the sum of its ordered deltas). */
    record Terms(BigDecimal quantity, String unitOfMeasure, BigDecimal unitPrice, BigDecimal amount,
                 boolean goodsReceiptRequired) {
    }
}
