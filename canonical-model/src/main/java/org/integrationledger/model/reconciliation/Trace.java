package org.integrationledger.model.reconciliation;

import java.util.List;

/**
 * The whole chain of one business key (a purchase order with its receipts, invoices, payments and the supplier
 * record it used) or of one correlation id, ordered by business time.
 */
public record Trace(String businessKey, String correlationId, List<String> documents, List<TraceStep> steps) {

    public Trace {
        documents = List.copyOf(documents);
        steps = List.copyOf(steps);
    }
}
