package org.integrationledger.app.observability;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutOfMemoryPolicyTest {

    @Test
    void warnsWhenAnOutOfMemoryErrorWouldLeaveTheProcessRunning() {
        OutOfMemoryPolicy policy = OutOfMemoryPolicy.of(flags(Map.of("ExitOnOutOfMemoryError", "false",
                "CrashOnOutOfMemoryError", "false")));

        assertThat(policy.endsProcess()).isFalse();
        assertThat(policy.warning()).hasValueSatisfying(text -> assertThat(text).contains("-XX:+ExitOnOutOfMemoryError"));
    }

    @Test
    void staysQuietWhenTheJvmExitsOnOutOfMemory() {
        OutOfMemoryPolicy policy = OutOfMemoryPolicy.of(flags(Map.of("ExitOnOutOfMemoryError", "true",
                "CrashOnOutOfMemoryError", "false")));

        assertThat(policy.endsProcess()).isTrue();
        assertThat(policy.warning()).isEmpty();
    }

    @Test
    void countsACrashOnOutOfMemoryAsEndingTheProcess() {
        OutOfMemoryPolicy policy = OutOfMemoryPolicy.of(flags(Map.of("ExitOnOutOfMemoryError", "false",
                "CrashOnOutOfMemoryError", "true")));

        assertThat(policy.endsProcess()).isTrue();
        assertThat(policy.warning()).isEmpty();
    }

    @Test
    void warnsOnAJvmThatHasNeitherOption() {
        OutOfMemoryPolicy policy = OutOfMemoryPolicy.of(name -> Optional.empty());

        assertThat(policy.warning()).isPresent();
    }

    @Test
    void readsThisJvmsOwnFlag() {
        boolean started = ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:+ExitOnOutOfMemoryError");

        assertThat(OutOfMemoryPolicy.ofThisJvm().exitOnOutOfMemoryError()).isEqualTo(started);
    }

    @Test
    void showsThePolicyOnTheInfoEndpoint() {
        Info.Builder info = new Info.Builder();
        new OutOfMemoryPolicyReport().contribute(info);

        assertThat(info.build().get("jvm")).isEqualTo(Map.of("outOfMemory", Map.of(
                "exitOnOutOfMemoryError", OutOfMemoryPolicy.ofThisJvm().exitOnOutOfMemoryError(),
                "crashOnOutOfMemoryError", OutOfMemoryPolicy.ofThisJvm().crashOnOutOfMemoryError(),
                "endsProcess", OutOfMemoryPolicy.ofThisJvm().endsProcess())));
    }

    private static java.util.function.Function<String, Optional<String>> flags(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
