package org.integrationledger.query.reconciliation;

import org.integrationledger.model.reconciliation.DocumentType;

import java.util.Comparator;

/** A document of the view: its type and id, the key of its rows in every reconciliation table. */
record DocumentKey(DocumentType type, String id) {

    /** The order the tables are written in (type by name, then id), so two writers lock rows in the same order. */
    static final Comparator<DocumentKey> TABLE_ORDER = Comparator.comparing((DocumentKey key) -> key.type().name())
            .thenComparing(DocumentKey::id);
}
