package org.integrationledger.app.operations;

/**
 * A successful retry: the document's parked events were applied, in order, by the processor's own handlers, in
 * one transaction with their removal from the queue.
 */
public record RetryOutcome(String processor, String sequence, int applied) {
}
