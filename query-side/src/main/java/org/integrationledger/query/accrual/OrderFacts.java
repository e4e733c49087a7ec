package org.integrationledger.query.accrual;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /**
     * Every line's terms, by line number, in one pass over the facts: an order of a thousand lines takes a thousand
     * look-ups per receipt, which a pass per line would make a million.
     */
    SortedMap<Integer, Terms> allTerms() {
        SortedMap<Integer, Terms> terms = new TreeMap<>();
        for (AccrualFact fact : facts) {
            if (fact.kind() != FactKind.ORDERED) {
                continue;
            }
            Terms before = terms.get(fact.lineNumber());
            boolean newer = before == null || fact.orderVersion() >= before.version();
            terms.put(fact.lineNumber(), new Terms(
                    (before == null ? BigDecimal.ZERO : before.quantity()).add(fact.quantity()),
                    newer ? fact.unitOfMeasure() : before.unitOfMeasure(),
                    newer ? fact.unitPrice() : before.unitPrice(),
                    (before == null ? BigDecimal.ZERO : before.amount()).add(fact.amount()),
                    newer ? fact.goodsReceiptRequired() : before.goodsReceiptRequired(),
                    newer ? fact.orderVersion() : before.version()));
        }
        return terms;
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
                 boolean goodsReceiptRequired, int version) {
    }
}
