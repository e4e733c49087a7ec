package org.integrationledger.app.observability;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether this JVM ends when it runs out of memory ({@code -XX:+ExitOnOutOfMemoryError}, or
 * {@code -XX:+CrashOnOutOfMemoryError}). Without either, an {@link OutOfMemoryError} kills only the thread it hits:
 * when that is Tomcat's acceptor the process stays up and accepts no connection again, and no supervisor restarts it.
 */
public record OutOfMemoryPolicy(boolean exitOnOutOfMemoryError, boolean crashOnOutOfMemoryError) {

    static final String EXIT_FLAG = "ExitOnOutOfMemoryError";
    static final String CRASH_FLAG = "CrashOnOutOfMemoryError";

    /** Reads the flags from this JVM; a JVM without HotSpot's diagnostic bean counts as having neither. */
    public static OutOfMemoryPolicy ofThisJvm() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return of(name -> {
            if (hotSpot == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(hotSpot.getVMOption(name)).map(VMOption::getValue);
            } catch (IllegalArgumentException unknownOption) {
                return Optional.empty();
            }
        });
    }

    /** The policy from a reader of VM options by name (their value as text, empty if the JVM has no such option). */
    static OutOfMemoryPolicy of(Function<String, Optional<String>> vmOption) {
        return new OutOfMemoryPolicy(isOn(vmOption.apply(EXIT_FLAG)), isOn(vmOption.apply(CRASH_FLAG)));
    }

    public boolean endsProcess() {
        return exitOnOutOfMemoryError || crashOnOutOfMemoryError;
    }

    /** What to tell the operator at start-up, if the process would survive an OutOfMemoryError half alive. */
    public Optional<String> warning() {
        return endsProcess() ? Optional.empty() : Optional.of("This JVM runs without -XX:+" + EXIT_FLAG
                + ": an OutOfMemoryError would kill only the thread it hits (Tomcat's acceptor, an event processor) "
                + "and leave the ledger running but deaf. Start it with java -XX:+" + EXIT_FLAG
                + " -jar ... (README, docker-compose.yml) so a supervisor restarts it.");
    }

    private static boolean isOn(Optional<String> value) {
        return value.map(Boolean::parseBoolean).orElse(false);
    }
}
