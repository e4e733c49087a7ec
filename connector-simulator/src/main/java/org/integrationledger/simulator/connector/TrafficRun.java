package org.integrationledger.simulator.connector;

import org.HdrHistogram.Histogram;
import org.integrationledger.simulator.workload.Message;
import org.integrationledger.simulator.workload.Workload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleUnaryOperator;

/**
 * Sends documents {@code from..to} of a workload with {@code concurrency} connections over a {@link Channel}. Each
 * connection keeps the channel's number of documents open (one over HTTP) and sends each document's messages in
 * scripted order, a message only after the one before it has its outcome (a document's messages depend on each
 * other, as in real life); different documents interleave freely. Closed loop by default (as fast as answered);
 * with a rate, open loop paced by the rate profile (messages/s as a function of elapsed seconds). A retried message
 * is sent twice in a row, as after a lost response.
 */
public final class TrafficRun {

    /**
     * What a run did: messages sent, answers by status, unexpected answers, latency of 200s in microseconds (from
     * the hand-over of a message to its outcome: over HTTP one request, else the whole batch or topic run it went in).
     */
    public record Result(long messages, long accepted, long replayed, Map<Integer, Long> byStatus, long unexpected,
                         List<String> unexpectedSamples, Histogram latencyMicros, double seconds, long documents) {

        public double acceptedPerSecond() {
            return accepted / seconds;
        }

        public double p(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final Channel channel;
    private final Workload workload;

    /** Over HTTP, one message per request. */
    public TrafficRun(LedgerClient client, Workload workload) {
        this(new HttpChannel(client), workload);
    }

    public TrafficRun(Channel channel, Workload workload) {
        this.channel = channel;
        this.workload = workload;
    }

    /** Plays documents from {@code from} (inclusive) to {@code to} (exclusive) or until {@code maxSeconds} pass. */
    public Result play(long from, long to, int concurrency, double maxSeconds, DoubleUnaryOperator ratePerSecond) {
        AtomicLong nextDocument = new AtomicLong(from);
        long begin = System.nanoTime();
        Pacer pacer = ratePerSecond == null ? null : new Pacer(begin, ratePerSecond);
        Tally tally = new Tally();
        List<Histogram> histograms = new ArrayList<>();
        long deadline = begin + (long) (maxSeconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            Thread worker = new Thread(() -> connection(nextDocument, to, deadline, pacer, tally, histogram),
                    "connector-" + w);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        Map<Integer, Long> statuses = new TreeMap<>();
        tally.byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return new Result(tally.messages.sum(), tally.accepted.sum(), tally.replayed.sum(), statuses,
                tally.unexpected.sum(), List.copyOf(tally.samples), all, seconds, tally.documents.sum());
    }

    /** One connection: keeps its documents open, hands over the next messages of one lane, records the outcomes. */
    private void connection(AtomicLong nextDocument, long to, long deadline, Pacer pacer, Tally tally,
                            Histogram histogram) {
        List<Deque<Message>> open = new ArrayList<>();
        boolean more = true;
        while (System.nanoTime() < deadline) {
            open.removeIf(document -> {
                if (document.isEmpty()) {
                    tally.documents.increment();
                }
                return document.isEmpty();
            });
            while (more && open.size() < channel.documentsInFlight()) {
                long n = nextDocument.getAndIncrement();
                Deque<Message> document = n < to ? sends(workload.document(n)) : null;
                if (document == null) {
                    more = false;
                } else if (document.isEmpty()) {
                    tally.documents.increment(); // nothing of it has happened yet
                } else {
                    open.add(document);
                }
            }
            if (open.isEmpty()) {
                return;
            }
            List<Message> handOver = handOver(open);
            if (pacer != null) {
                pacer.await(handOver.size());
            }
            if (System.nanoTime() >= deadline) {
                return;
            }
            long sent = System.nanoTime();
            List<Outcome> outcomes;
            try {
                outcomes = channel.deliver(handOver);
            } catch (RuntimeException e) {
                outcomes = handOver.stream().map(m -> Outcome.failed(e.toString())).toList();
            }
            long micros = (System.nanoTime() - sent) / 1000;
            for (int i = 0; i < handOver.size(); i++) {
                tally.record(handOver.get(i), outcomes.get(i), micros, histogram);
            }
        }
    }

    /** A document's sends in order, each retried message twice. */
    private static Deque<Message> sends(List<Message> messages) {
        Deque<Message> sends = new ArrayDeque<>();
        for (Message message : messages) {
            sends.add(message);
            if (message.retried()) {
                sends.add(message);
            }
        }
        return sends;
    }

    /**
     * The lane most open documents continue on, and from each of them its next messages on that lane, in order, up to
     * the channel's limit (and, where the channel keeps order only per document id, up to the next document id: an
     * invoice's receipt goes after the outcome of its order's issue); taken from the open documents.
     */
    private List<Message> handOver(List<Deque<Message>> open) {
        Map<String, Integer> nextLanes = new HashMap<>();
        for (Deque<Message> document : open) {
            nextLanes.merge(channel.lane(document.peekFirst()), 1, Integer::sum);
        }
        String lane = nextLanes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Message> handOver = new ArrayList<>();
        for (Deque<Message> document : open) {
            String first = document.peekFirst().documentId();
            while (!document.isEmpty() && handOver.size() < channel.maxHandOver()
                    && lane.equals(channel.lane(document.peekFirst()))
                    && (!channel.ordersByDocumentIdOnly() || first.equals(document.peekFirst().documentId()))) {
                handOver.add(document.pollFirst());
            }
        }
        return handOver;
    }

    /** Counts of one run, shared by its connections. */
    private static final class Tally {
        final LongAdder messages = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder replayed = new LongAdder();
        final LongAdder unexpected = new LongAdder();
        final LongAdder documents = new LongAdder();
        final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

        void record(Message message, Outcome outcome, long micros, Histogram histogram) {
            messages.increment();
            byStatus.computeIfAbsent(outcome.status(), s -> new LongAdder()).increment();
            if (outcome.status() == 200) {
                accepted.increment();
                histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                if (outcome.replayed()) {
                    replayed.increment();
                }
            }
            if (outcome.status() != message.expectedStatus()) {
                unexpected.increment();
                if (samples.size() < 10) {
                    samples.add(message.step() + " " + message.documentId() + " -> " + outcome.status() + " "
                            + abbreviate(outcome.body()));
                }
            }
        }
    }

    /** Hands out send times spaced by the profile's current rate; a late sender goes at once (open loop). */
    private static final class Pacer {
        private final long start;
        private final DoubleUnaryOperator ratePerSecond;
        private long nextDue;

        Pacer(long start, DoubleUnaryOperator ratePerSecond) {
            this.start = start;
            this.ratePerSecond = ratePerSecond;
            this.nextDue = start;
        }

        /** Takes {@code messages} send slots and waits until the last of them is due. */
        void await(int messages) {
            long due = 0;
            synchronized (this) {
                for (int i = 0; i < messages; i++) {
                    double elapsed = (nextDue - start) / 1e9;
                    due = nextDue;
                    nextDue += (long) (1e9 / Math.max(1, ratePerSecond.applyAsDouble(elapsed)));
                }
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
