package org.integrationledger.simulator.workload;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The document mix of the reference scenario: which lifecycle document number {@code n} of a run follows, and
 * its messages, derived from the seed and {@code n} alone so any worker can generate any document in any order.
 * Invoices and payments join as further {@link Share}s here once their API exists.
 */
public final class Workload {

    /** One document kind and how many of every 100 documents it accounts for. */
    public record Share(DocumentLifecycle lifecycle, int perHundred) {
    }

    private final List<Share> shares;
    private final long seed;
    private final WorkloadSettings settings;

    public Workload(long seed, WorkloadSettings settings, List<Share> shares) {
        this.seed = seed;
        this.settings = settings;
        this.shares = List.copyOf(shares);
        if (this.shares.stream().mapToInt(Share::perHundred).sum() != 100) {
            throw new IllegalArgumentException("shares must add up to 100");
        }
    }

    /** About ten purchase orders per supplier onboarding; invoices and payments will take their share later. */
    public static Workload referenceScenario(long seed, WorkloadSettings settings) {
        return new Workload(seed, settings, List.of(
                new Share(new PurchaseOrderLifecycle(), 90),
                new Share(new SupplierLifecycle(), 10)));
    }

    public WorkloadSettings settings() {
        return settings;
    }

    /** The messages of document {@code n}, deterministic in (seed, n). */
    public List<Message> document(long n) {
        SplittableRandom random = new SplittableRandom(mix(seed) ^ mix(n + 0x632BE59BD9B4E019L));
        int slot = (int) Math.floorMod(mix(n ^ seed), 100L);
        for (Share share : shares) {
            slot -= share.perHundred();
            if (slot < 0) {
                return happened(share.lifecycle().messages(n, random, settings));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A single lifecycle's document {@code n}, e.g. for lag probes that need a fresh purchase order. */
    public List<Message> document(DocumentLifecycle lifecycle, long n) {
        return happened(lifecycle.messages(n, new SplittableRandom(mix(seed) ^ mix(n + 0x632BE59BD9B4E019L)),
                settings));
    }

    /**
     * The messages that have happened by the settings' horizon. A later step of a document is always later in
     * business time than the steps it depends on, so the cut leaves each document at a state it really passed.
     */
    private List<Message> happened(List<Message> messages) {
        if (settings.horizon() == null) {
            return messages;
        }
        return messages.stream().filter(message -> settings.happened(message.occurredAt())).toList();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
