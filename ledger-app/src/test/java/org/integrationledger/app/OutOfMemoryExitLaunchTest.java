package org.integrationledger.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every documented way to start the ledger ends the JVM on an OutOfMemoryError (docs/architecture.md). */
class OutOfMemoryExitLaunchTest {

    private static final String FLAG = "-XX:+ExitOnOutOfMemoryError";

    @Test
    void theReadmesRunCommandExitsOnOutOfMemory() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        String run = lines.stream().filter(line -> line.contains("java ") && line.contains("ledger-app")
                && line.contains("-jar")).findFirst().orElseThrow();

        assertThat(run.substring(run.indexOf("java "), run.indexOf("-jar"))).contains(FLAG);
    }

    @Test
    void composeStartsTheLedgerWithTheFlag() throws IOException {
        String command = Files.readAllLines(Path.of("..", "docker-compose.yml")).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("command:") && line.contains("\"java\""))
                .findFirst().orElseThrow();

        assertThat(command.substring(0, command.indexOf("\"-jar\""))).contains("\"" + FLAG + "\"");
    }

    @Test
    void theBenchmarksLedgerProcessesExitOnOutOfMemory() throws IOException {
        String source = Files.readString(Path.of("..", "connector-simulator", "src", "main", "java", "org",
                "integrationledger", "simulator", "benchmark", "LedgerProcess.java"));

        assertThat(source).contains("command.add(\"" + FLAG + "\");");
    }
}
