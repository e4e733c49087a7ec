package org.integrationledger.simulator.benchmark;

import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hardware's ceiling for "one durable transaction per command": plain JDBC writers, one connection each,
 * inserting rows of the event table's shape (same columns, BIGSERIAL key, the same two unique constraints, payload
 * and metadata of the sizes the ledger really stored) into a scratch table of the same database, committing each.
 */
final class RawPostgresBaseline {

    record Result(long commits, double seconds, Histogram latencyMicros) {
        double perSecond() {
            return commits / seconds;
        }
    }

    private final Database database;
    private final String url;

    RawPostgresBaseline(Database database, String url) throws SQLException {
        this.database = database;
        this.url = url;
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_event");
            statement.execute("""
                    CREATE TABLE bench_raw_event (
                        global_index BIGSERIAL NOT NULL PRIMARY KEY,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL,
                        type VARCHAR(255),
                        event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        meta_data BYTEA,
                        payload BYTEA NOT NULL,
                        payload_revision VARCHAR(255),
                        payload_type VARCHAR(255) NOT NULL,
                        time_stamp VARCHAR(255) NOT NULL,
                        event_hash BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    Result run(int concurrency, double seconds, int payloadBytes, int metadataBytes) throws InterruptedException {
        byte[] payload = filler(payloadBytes);
        byte[] metadata = filler(metadataBytes);
        LongAdder commits = new LongAdder();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            // Keyed as the ledger keys a purchase order: its type, then its business id.
            String aggregatePrefix = "purchase-order:RAW-" + UUID.randomUUID() + "-";
            Thread thread = new Thread(() -> {
                try (Connection connection = database.connect(url);
                     PreparedStatement insert = connection.prepareStatement("""
                             INSERT INTO bench_raw_event (aggregate_identifier, sequence_number, type, event_identifier,
                                 meta_data, payload, payload_revision, payload_type, time_stamp, event_hash)
                             VALUES (?, ?, 'PurchaseOrder', ?, ?, ?, '1',
                                 'org.integrationledger.model.purchaseorder.PurchaseOrderIssued', ?, ?)""")) {
                    connection.setAutoCommit(false);
                    long n = 0;
                    byte[] hash = new byte[32];
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        insert.setString(1, aggregatePrefix + (n / 5));
                        insert.setLong(2, n % 5);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, metadata);
                        insert.setBytes(5, payload);
                        insert.setString(6, java.time.Instant.now().toString());
                        insert.setBytes(7, hash);
                        insert.executeUpdate();
                        connection.commit();
                        histogram.recordValue(Math.min((System.nanoTime() - t0) / 1000, 60_000_000L));
                        commits.increment();
                        n++;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("raw baseline writer failed", e);
                }
            }, "raw-writer-" + w);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(commits.sum(), elapsed, all);
    }

    /**
     * Drops the baseline's table and writes its pages out now, so its hundred thousand rows are not vacuumed,
     * analysed and checkpointed during the next phase, the lag probe's, on the same two cores. (No difference in
     * the lag was measured either way; docs/benchmarks.md, "Lag: the first minute".)
     *
     * @return null, or why the checkpoint was refused (it needs a superuser or the pg_checkpoint role)
     */
    String settle() throws SQLException {
        try (Connection connection = database.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_event");
            try {
                statement.execute("CHECKPOINT");
                return null;
            } catch (SQLException e) {
                return e.getMessage();
            }
        }
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[Math.max(16, size)];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = "{\"filler\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, bytes.length));
        bytes[bytes.length - 2] = '"';
        bytes[bytes.length - 1] = '}';
        return bytes;
    }
}
