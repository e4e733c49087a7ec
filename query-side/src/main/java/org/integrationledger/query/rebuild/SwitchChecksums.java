package org.integrationledger.query.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the rebuilt projections' checksums as a switch committed them, while the restarted processors already write
 * on. The checksums read every row back (PostgreSQL stores instants to the microsecond, so the rebuilt rows are read
 * as the table holds them, like a live checksum); at 10 M events that took two minutes, which the processors do not
 * wait for: PostgreSQL takes a repeatable-read transaction's snapshot at its first statement, so the snapshot is
 * taken before the processors start. It is exported, and the checksums are read on {@value #THREADS} threads, each
 * in a transaction that imports it (so all see the same rows): one after another they were 14 s of a 100 s rebuild
 * at 1 M events. A checksum that cannot be read is left out; the rebuild stays completed.
 */
final class SwitchChecksums {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchChecksums.class);
    private static final int THREADS = 2;

    private final TransactionTemplate snapshot;
    private final JdbcTemplate jdbc;
    private final ExecutorService readers = Executors.newFixedThreadPool(THREADS,
            ProjectionRebuilds.daemon("projection-rebuild-checksum"));

    SwitchChecksums(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.jdbc = jdbc;
    }

    /** Takes the snapshot, runs {@code startProcessors}, then answers each projection's checksum by name. */
    Map<String, String> read(List<RebuildableProjection> projections, Runnable startProcessors) {
        Map<String, String> checksums = new ConcurrentHashMap<>();
        List<String> names = projections.stream().map(RebuildableProjection::name).toList();
        try {
            snapshot.executeWithoutResult(status -> {
                String exported = jdbc.queryForObject("SELECT pg_export_snapshot()", String.class);
                startProcessors.run();
                long reading = System.nanoTime();
                // The exporting transaction stays open until every checksum has imported its snapshot (and ended).
                // Reverse name order starts trace-view, the largest (a row per event), first.
                List<Future<?>> running = projections.stream()
                        .sorted(Comparator.comparing(RebuildableProjection::name).reversed())
                        .<Future<?>>map(projection -> readers.submit(() -> snapshot.executeWithoutResult(imported -> {
                            jdbc.execute("SET TRANSACTION SNAPSHOT '" + exported + "'");
                            checksums.put(projection.name(), projection.checksum());
                        }))).toList();
                running.forEach(checksum -> await(checksum, names));
                LOG.info("Rebuild of {}: checksums read from the switch's snapshot in {} ms, processors running",
                        names, (System.nanoTime() - reading) / 1_000_000);
            });
        } catch (RuntimeException e) {
            LOG.warn("Rebuild of {}: switched, but the checksums could not be read", names, e);
        }
        return checksums;
    }

    private static void await(Future<?> checksum, List<String> names) {
        try {
            checksum.get();
        } catch (ExecutionException e) {
            LOG.warn("Rebuild of {}: switched, but a checksum could not be read", names, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the rebuilt checksums", e);
        }
    }
}
