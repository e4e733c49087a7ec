package org.integrationledger.simulator.faults;

import org.integrationledger.simulator.connector.LedgerClient;
import org.integrationledger.simulator.workload.Message;
import org.integrationledger.simulator.workload.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid traffic over {@code connections} connections that survives a dead ledger as a connector does: a message
 * that gets no answer (connection refused or reset, timeout) or a 5xx is sent again, with the same message id, to
 * a live node, until it is answered. Every 200 is remembered with its outcome, so the events it promised can be
 * looked for in the store afterwards. {@link #pause()} holds the connections between messages so the projections
 * can catch up for a check.
 */
final class Load {

    /** Sees every answer a connection got: the message, the answer, when the request started and how long it took. */
    @FunctionalInterface
    interface Observer {
        void answered(Message message, LedgerClient.Answer answer, long startedNanos, long elapsedNanos);
    }

    /** A message the ledger acknowledged, and the outcome it answered: the document's events up to {@code ledgerVersion}. */
    record Ack(String messageId, String documentId, long ledgerVersion, int recorded) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\":\"([^\"]+)\"");
    private static final Pattern DOCUMENT_ID = Pattern.compile("\"documentId\":\"([^\"]*)\"");
    private static final Pattern LEDGER_VERSION = Pattern.compile("\"ledgerVersion\":(-?\\d+)");
    private static final Pattern RECORDED = Pattern.compile("\"recorded\":\\[([^\\]]*)]");
    private static final long RETRY_PAUSE_MILLIS = 100;
    /** A message still failing after this many answered-by-nobody or 5xx attempts (a minute) is given up. */
    private static final int MAX_FAILED_ATTEMPTS = 600;

    private final Workload workload;
    private final Supplier<List<LedgerClient>> nodes;
    private final int connections;
    private final AtomicLong nextDocument;
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final LongAdder sent = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    private final LongAdder resentAndAnswered = new LongAdder();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpectedSamples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Object gate = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;
    private volatile Observer observer;
    private boolean paused;
    private int inFlight;

    Load(Workload workload, Supplier<List<LedgerClient>> nodes, int connections, long firstDocument) {
        this.workload = workload;
        this.nodes = nodes;
        this.connections = connections;
        this.nextDocument = new AtomicLong(firstDocument);
    }

    void start() {
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(this::play, "fault-connector-" + c);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Returns once no message is in flight; connections wait before their next message until {@link #resume()}. */
    void pause() {
        synchronized (gate) {
            paused = true;
            while (inFlight > 0) {
                waitOn();
            }
        }
    }

    void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    /** Stops every connection (a document may stay unfinished) and waits for them. */
    void stop() {
        stopping = true;
        resume();
        for (Thread worker : workers) {
            try {
                worker.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** From now on every answer is shown to {@code observer} too (null: to none). */
    void observe(Observer observer) {
        this.observer = observer;
    }

    /** Messages answered by nobody or with a 5xx at first, then resent with the same message id and answered. */
    long resentAndAnswered() {
        return resentAndAnswered.sum();
    }

    long sent() {
        return sent.sum();
    }

    long acknowledged() {
        return acknowledged.sum();
    }

    long unanswered() {
        return unanswered.sum();
    }

    long unexpected() {
        return unexpected.sum();
    }

    /** Messages never answered by a live node within a minute of retries. */
    long givenUp() {
        return givenUp.sum();
    }

    List<String> unexpectedSamples() {
        return List.copyOf(unexpectedSamples);
    }

    Map<Integer, Long> byStatus() {
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return statuses;
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    private void play() {
        while (!stopping) {
            long n = nextDocument.getAndIncrement();
            for (Message message : workload.document(n)) {
                for (int attempt = 0; attempt < (message.retried() ? 2 : 1); attempt++) {
                    if (!deliver(message)) {
                        return;
                    }
                }
            }
        }
    }

    /** Sends until answered (false if the load stopped first). */
    private boolean deliver(Message message) {
        int failed = 0;
        while (true) {
            if (!enter()) {
                return false;
            }
            LedgerClient.Answer answer;
            try {
                List<LedgerClient> live = nodes.get();
                if (live.isEmpty()) {
                    answer = new LedgerClient.Answer(-1, "no node running");
                } else {
                    LedgerClient node = live.get(Math.floorMod(roundRobin.getAndIncrement(), live.size()));
                    sent.increment();
                    long started = System.nanoTime();
                    try {
                        answer = node.send(message);
                    } catch (RuntimeException e) {
                        answer = new LedgerClient.Answer(-1, e.toString());
                    }
                    Observer watching = observer;
                    if (watching != null) {
                        watching.answered(message, answer, started, System.nanoTime() - started);
                    }
                }
            } finally {
                leave();
            }
            if (answer.status() == -1 || answer.status() >= 500) {
                if (answer.status() != -1 || !answer.body().equals("no node running")) {
                    unanswered.increment();
                    byStatus.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
                    if (++failed >= MAX_FAILED_ATTEMPTS) {
                        givenUp.increment();
                        sample(message, answer);
                        return true;
                    }
                }
                sleep(RETRY_PAUSE_MILLIS);
                continue;
            }
            byStatus.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
            if (failed > 0) {
                resentAndAnswered.increment();
            }
            if (answer.status() == 200) {
                acknowledged.increment();
                acks.add(ack(message, answer.body()));
            }
            if (answer.status() != message.expectedStatus()) {
                unexpected.increment();
                sample(message, answer);
            }
            return true;
        }
    }

    private void sample(Message message, LedgerClient.Answer answer) {
        if (unexpectedSamples.size() < 10) {
            unexpectedSamples.add(message.step() + " " + message.documentId() + " -> " + answer.status() + " "
                    + abbreviate(answer.body()));
        }
    }

    static Ack ack(Message message, String body) {
        Matcher id = MESSAGE_ID.matcher(message.body());
        Matcher document = DOCUMENT_ID.matcher(body);
        Matcher version = LEDGER_VERSION.matcher(body);
        Matcher recorded = RECORDED.matcher(body);
        int events = 0;
        if (recorded.find() && !recorded.group(1).isBlank()) {
            events = recorded.group(1).split(",").length;
        }
        return new Ack(id.find() ? id.group(1) : "", document.find() ? document.group(1) : message.documentId(),
                version.find() ? Long.parseLong(version.group(1)) : -1, events);
    }

    private boolean enter() {
        synchronized (gate) {
            while (paused && !stopping) {
                waitOn();
            }
            if (stopping) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    private void leave() {
        synchronized (gate) {
            inFlight--;
            gate.notifyAll();
        }
    }

    private void waitOn() {
        try {
            gate.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
