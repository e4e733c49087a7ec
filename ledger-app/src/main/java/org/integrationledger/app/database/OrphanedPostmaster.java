package org.integrationledger.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a PostgreSQL server that a previous ledger left running on the embedded data directory. A JVM that ends
 * without running its shutdown hooks ({@code -XX:+ExitOnOutOfMemoryError}, {@code kill -9}) cannot stop the server
 * it started; the server then holds the directory, and every restart by a supervisor would fail to start its own.
 * The server is an orphan only if no live process holds zonky's lock file beside it: the lock of a running ledger
 * dies with its JVM, so a second ledger started on the same directory never stops the first one's database.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    /** The lock file zonky's {@code EmbeddedPostgres} holds in the data directory while it runs the server. */
    static final String LOCK_FILE = "epg-lock";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {
    }

    /** Stops the server named by the directory's {@code postmaster.pid} if it runs and no live process owns it. */
    static void stopIfAny(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        if (postmaster.isEmpty() || ownedByALiveProcess(dataDirectory)) {
            return;
        }
        ProcessHandle server = postmaster.get();
        log.warn("A PostgreSQL server (pid {}) still runs on {} although the ledger that started it has ended "
                + "(killed, or ended by an OutOfMemoryError); stopping it before starting afresh", server.pid(),
                dataDirectory);
        // SIGTERM: PostgreSQL's smart shutdown, which finishes at once because the dead ledger's sessions are gone.
        server.destroy();
        try {
            server.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the orphaned PostgreSQL server (pid " + server.pid() + ") on "
                    + dataDirectory + " did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL server", e);
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).strip());
            // A pid left from before a reboot may now belong to anything else: only a postgres process counts.
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> Path.of(command).getFileName()
                            .toString().startsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean ownedByALiveProcess(Path dataDirectory) {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the lock of " + dataDirectory, e);
        }
    }
}
