package org.integrationledger.model.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * A document's aggregate identifier in the event store: {@code purchase-order:COLL-1}, {@code invoice:COLL-1},
 * {@code supplier:COLL-1}. Business ids are unique per document type only (they come from different systems),
 * so the stored key names the type too; the API, the views and the events' payloads carry the business id alone.
 */
public record DocumentKey(DocumentKind kind, String businessId) {

    public DocumentKey {
        Checks.required(kind, "kind");
        Checks.required(businessId, "businessId");
    }

    /** The document a stored aggregate identifier names, if it is the key of one of the {@link DocumentKind}s. */
    public static Optional<DocumentKey> parse(String storedKey) {
        if (storedKey == null) {
            return Optional.empty();
        }
        return Arrays.stream(DocumentKind.values()).filter(kind -> storedKey.startsWith(kind.prefix()))
                .findFirst().map(kind -> new DocumentKey(kind, storedKey.substring(kind.prefix().length())));
    }

    /**
     * The business id in a stored aggregate identifier: the key without its type, or the identifier unchanged when
     * it is no document key (an SLA rule's {@code sla-rule:} id, an event published outside an aggregate).
     */
    public static String businessIdOf(String storedKey) {
        return parse(storedKey).map(DocumentKey::businessId).orElse(storedKey);
    }

    /** The stored aggregate identifier. */
    public String value() {
        return kind.key(businessId);
    }

    @Override
    public String toString() {
        return value();
    }
}
