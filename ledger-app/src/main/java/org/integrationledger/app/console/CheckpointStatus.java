package org.integrationledger.app.console;

import org.integrationledger.app.eventchain.CheckpointSummary;
import org.integrationledger.app.eventchain.Checkpoints;
import org.integrationledger.app.eventchain.EventChainVerifier;
import org.integrationledger.app.eventchain.VerificationReport;
import org.integrationledger.app.eventchain.VerificationScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tamper evidence of the event store as the operations page shows it: the newest sealed checkpoint (read from
 * the store each time) and the outcome of the last verification an admin ran from the console in this process
 * (a verification walks every chain, so the page never starts one by itself).
 */
@Component
class CheckpointStatus {

    private final ObjectProvider<Checkpoints> checkpoints;
    private final ObjectProvider<EventChainVerifier> verifier;
    private final Clock clock;
    private final AtomicReference<Verification> last = new AtomicReference<>();

    CheckpointStatus(ObjectProvider<Checkpoints> checkpoints, ObjectProvider<EventChainVerifier> verifier, Clock clock) {
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** A verification of the whole store: its report, when it ended and who asked for it. */
    record Verification(VerificationReport report, Instant at, String by) {

        /** INTACT or BROKEN, the word the page colours. */
        public String state() {
            return report.intact() ? "INTACT" : "BROKEN";
        }
    }

    /** What the page shows: whether this process keeps checkpoints, the newest one, the last verification. */
    record Status(boolean available, CheckpointSummary latest, Verification lastVerification) {
    }

    Status read() {
        Checkpoints store = checkpoints.getIfAvailable();
        return new Status(store != null, store == null ? null : store.latestSummary().orElse(null), last.get());
    }

    /** Seals every final event not yet in a checkpoint; the newest checkpoint afterwards, if any. */
    Optional<CheckpointSummary> seal() {
        Checkpoints store = checkpoints.getIfAvailable();
        return store == null ? Optional.empty() : store.sealUpToFinal();
    }

    /** Verifies every chain and every checkpoint, and keeps the outcome for the page. */
    Optional<Verification> verify(String by) {
        EventChainVerifier chains = verifier.getIfAvailable();
        if (chains == null) {
            return Optional.empty();
        }
        Verification done = new Verification(chains.verify(VerificationScope.everything()), clock.instant(), by);
        last.set(done);
        return Optional.of(done);
    }
}
