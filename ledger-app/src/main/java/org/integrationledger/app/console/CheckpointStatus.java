package org.integrationledger.app.console;

import org.integrationledger.app.eventchain.CheckpointSummary;
import org.integrationledger.app.eventchain.Checkpoints;
import org.integrationledger.app.eventchain.EventChainVerifier;
import org.integrationledger.app.eventchain.VerificationLog;
import org.integrationledger.app.eventchain.VerificationScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The tamper evidence of the event store as the operations page shows it: the newest sealed checkpoint (read from
 * the store each time) and the last whole-store verification recorded by any node, from the console or the API
 * (a verification walks every chain, so the page never starts one by itself).
 */
@Component
class CheckpointStatus {

    private final ObjectProvider<Checkpoints> checkpoints;
    private final ObjectProvider<EventChainVerifier> verifier;
    private final ObjectProvider<VerificationLog> log;

    CheckpointStatus(ObjectProvider<Checkpoints> checkpoints, ObjectProvider<EventChainVerifier> verifier,
                     ObjectProvider<VerificationLog> log) {
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.log = log;
    }

    /** What the page shows: whether this process keeps checkpoints, the newest one, the last verification. */
    record Status(boolean available, CheckpointSummary latest, VerificationLog.Entry lastVerification) {
    }

    Status read() {
        Checkpoints store = checkpoints.getIfAvailable();
        VerificationLog verifications = log.getIfAvailable();
        return new Status(store != null, store == null ? null : store.latestSummary().orElse(null),
                verifications == null ? null : verifications.latest().orElse(null));
    }

    /** Seals every final event not yet in a checkpoint; the newest checkpoint afterwards, if any. */
    Optional<CheckpointSummary> seal() {
        Checkpoints store = checkpoints.getIfAvailable();
        return store == null ? Optional.empty() : store.sealUpToFinal();
    }

    /** Verifies every chain and every checkpoint, and records the outcome for every node's page. */
    Optional<VerificationLog.Entry> verify(String by) {
        EventChainVerifier chains = verifier.getIfAvailable();
        VerificationLog verifications = log.getIfAvailable();
        if (chains == null || verifications == null) {
            return Optional.empty();
        }
        VerificationScope everything = VerificationScope.everything();
        return verifications.record(everything, chains.verify(everything), by, VerificationLog.Via.CONSOLE);
    }
}
