package org.integrationledger.simulator.connector;

import org.integrationledger.simulator.workload.Message;

import java.util.List;

/**
 * One way into the ledger as a connection of {@link TrafficRun} uses it. A connection keeps up to
 * {@link #documentsInFlight()} documents open and hands over, each round, the next messages of its documents that
 * share a {@link #lane(Message) lane} (a connector that can send them together: one API key for a batch, one topic
 * for Kafka), at most {@link #maxHandOver()} of them; the next message of a document goes only after its previous
 * one has its outcome, as a real system acknowledges only what it received.
 */
public interface Channel extends AutoCloseable {

    /** Documents a connection keeps open at once. */
    int documentsInFlight();

    /** The most messages handed over at once. */
    int maxHandOver();

    /** Messages of the same lane may be handed over together. */
    String lane(Message message);

    /**
     * Whether the channel keeps the order of messages only per document id (Kafka: one key, one partition), so that a
     * message of one script about another document (an invoice after its order) waits for the outcomes before it.
     */
    default boolean ordersByDocumentIdOnly() {
        return false;
    }

    /** Delivers the messages in the order given, each document's in its own order; one outcome per message. */
    List<Outcome> deliver(List<Message> messages);

    @Override
    default void close() {
    }
}
