package org.integrationledger.model.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The document types whose business ids are only unique per type: each is its own aggregate in the event store,
 * keyed by the business id qualified with the type ({@link DocumentKey}), so the same id in two types names two
 * documents.
 */
public enum DocumentKind {
    PURCHASE_ORDER("purchase-order", "PurchaseOrder"),
    INVOICE("invoice", "Invoice"),
    SUPPLIER("supplier", "Supplier");

    private static final char SEPARATOR = ':';

    private final String label;
    private final String aggregateType;

    DocumentKind(String label, String aggregateType) {
        this.label = label;
        this.aggregateType = aggregateType;
    }

    /** The type as the API and the stored key spell it: {@code purchase-order}, {@code invoice}, {@code supplier}. */
    public String label() {
        return label;
    }

    /** Axon's aggregate type of the document, the {@code type} column of its stored events. */
    public String aggregateType() {
        return aggregateType;
    }

    /** The stored aggregate identifier of the document with this business id. */
    public String key(String businessId) {
        return label + SEPARATOR + Checks.required(businessId, "businessId");
    }

    String prefix() {
        return label + SEPARATOR;
    }

    /** The kind an API caller names, by its label ({@code purchase-order}) or its enum name. */
    public static Optional<DocumentKind> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String label = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }

    /** The kind whose events carry this Axon aggregate type, if it is one of these document types. */
    public static Optional<DocumentKind> ofAggregateType(String aggregateType) {
        return Arrays.stream(values()).filter(kind -> kind.aggregateType.equals(aggregateType)).findFirst();
    }
}
