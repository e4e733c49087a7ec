package org.integrationledger.query.accrual;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fold's state for one purchase order: every fact recorded about its lines so far ({@code facts}) and the
 * facts the last applied event added ({@code added}, which the live projection writes). Immutable; the fold returns
 * a new state. What the rules need (the line's current terms, the order's header, an invoice's lines) is derived
 * from the facts, so the stored rows are the whole state. The facts are kept in the order the table reads them
 * ({@link #TABLE_ORDER}), so a state read back from the table and one folded in memory (a rebuild, an as-of replay)
 * are the same, however the events were batched.
 */
record OrderFacts(String purchaseOrderId, List<AccrualFact> facts, List<AccrualFact> added) implements Serializable {

    /** The order {@link AccrualFacts#load} reads an order's facts in: recorded, then event id, then ordinal. */
    static final Comparator<AccrualFact> TABLE_ORDER = Comparator.comparing(AccrualFact::recordedAt)
            .thenComparing(AccrualFact::eventId).thenComparingInt(AccrualFact::ordinal);

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
        if (newFacts.isEmpty()) {
            return added.isEmpty() ? this : new OrderFacts(purchaseOrderId, facts, List.of());
        }
        List<AccrualFact> all = new ArrayList<>(facts.size() + newFacts.size());
        all.addAll(facts);
        all.addAll(newFacts);
        // An event's facts nearly always come after the order's earlier ones; one recorded earlier than them (a
        // concurrent append applied late) takes its place in the table's order.
        if (!facts.isEmpty() && TABLE_ORDER.compare(facts.get(facts.size() - 1), newFacts.get(0)) > 0) {
            all.sort(TABLE_ORDER);
        }
        return new OrderFacts(purchaseOrderId, all, newFacts);
    }

    /** Whether the event with this id added facts already (it is delivered again). */
    boolean hasFactsOf(String eventId) {
        for (int i = facts.size() - 1; i >= 0; i--) {
            if (facts.get(i).eventId().equals(eventId)) {
                return true;
            }
        }
        return false;
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
