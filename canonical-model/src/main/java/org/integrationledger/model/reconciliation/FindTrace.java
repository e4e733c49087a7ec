package org.integrationledger.model.reconciliation;

/** Asks for the trace of a business key (a purchase order number) or of a correlation id: exactly one of them. */
public record FindTrace(String businessKey, String correlationId) {

    public FindTrace {
        if ((businessKey == null || businessKey.isBlank()) == (correlationId == null || correlationId.isBlank())) {
            throw new IllegalArgumentException("ask for the trace of either a business key or a correlation id");
        }
    }
}
