package org.integrationledger.simulator.workload;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The extension point for document kinds: the messages connectors send over one document's life, in the order
 * they arrive at the ledger (deliberately out of order where the scenario says so). A new kind (invoices,
 * payments) is one more implementation registered in {@link Workload}.
 */
public interface DocumentLifecycle {

    /** The kind's name in reports, e.g. {@code purchase-order}. */
    String kind();

    /** All messages of document number {@code index} of this run; the same seed gives the same messages. */
    List<Message> messages(long index, SplittableRandom random, WorkloadSettings settings);
}
