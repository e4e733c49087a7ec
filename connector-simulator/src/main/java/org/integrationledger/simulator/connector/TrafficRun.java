package org.integrationledger.simulator.connector;

import org.HdrHistogram.Histogram;
import org.integrationledger.simulator.workload.Message;
import org.integrationledger.simulator.workload.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleUnaryOperator;

/**
 * Sends documents {@code from..to} of a workload with {@code concurrency} connections. Each connection plays one
 * document at a time, its messages in scripted order (a document's messages depend on each other, as in real
 * life); different documents interleave freely. Closed loop by default (as fast as acknowledged); with a rate,
 * open loop paced by the rate profile (messages/s as a function of elapsed seconds).
 */
public final class TrafficRun {

    /** What a run did: messages sent, answers by status, unexpected answers, latency of 200s in microseconds. */
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

    private final LedgerClient client;
    private final Workload workload;

    public TrafficRun(LedgerClient client, Workload workload) {
        this.client = client;
        this.workload = workload;
    }

    /** Plays documents from {@code from} (inclusive) to {@code to} (exclusive) or until {@code maxSeconds} pass. */
    public Result play(long from, long to, int concurrency, double maxSeconds, DoubleUnaryOperator ratePerSecond) {
        AtomicLong nextDocument = new AtomicLong(from);
        long begin = System.nanoTime();
        Pacer pacer = ratePerSecond == null ? null : new Pacer(begin, ratePerSecond);
        LongAdder messages = new LongAdder();
        LongAdder accepted = new LongAdder();
        LongAdder replayed = new LongAdder();
        LongAdder unexpected = new LongAdder();
        LongAdder documents = new LongAdder();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        List<Histogram> histograms = new ArrayList<>();
        long start = begin;
        long deadline = start + (long) (maxSeconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long n = nextDocument.getAndIncrement();
                    if (n >= to) {
                        return;
                    }
                    for (Message message : workload.document(n)) {
                        for (int attempt = 0; attempt < (message.retried() ? 2 : 1); attempt++) {
                            if (System.nanoTime() >= deadline) {
                                return;
                            }
                            if (pacer != null) {
                                pacer.await();
                            }
                            long sent = System.nanoTime();
                            LedgerClient.Answer answer;
                            try {
                                answer = client.send(message);
                            } catch (RuntimeException e) {
                                answer = new LedgerClient.Answer(-1, e.toString());
                            }
                            long micros = (System.nanoTime() - sent) / 1000;
                            messages.increment();
                            byStatus.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
                            if (answer.status() == 200) {
                                accepted.increment();
                                histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                                if (answer.body().contains("\"replayed\":true")) {
                                    replayed.increment();
                                }
                            }
                            if (answer.status() != message.expectedStatus()) {
                                unexpected.increment();
                                if (samples.size() < 10) {
                                    samples.add(message.step() + " " + message.documentId() + " -> " + answer.status()
                                            + " " + abbreviate(answer.body()));
                                }
                            }
                        }
                    }
                    documents.increment();
                }
            }, "connector-" + w);
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
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return new Result(messages.sum(), accepted.sum(), replayed.sum(), statuses, unexpected.sum(),
                List.copyOf(samples), all, seconds, documents.sum());
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

        void await() {
            long due;
            synchronized (this) {
                double elapsed = (nextDue - start) / 1e9;
                due = nextDue;
                nextDue += (long) (1e9 / Math.max(1, ratePerSecond.applyAsDouble(elapsed)));
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
