package org.integrationledger.simulator.connector;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as Compose reads it (YAML with anchors and merge keys; Docker itself is not run here): one
 * Kafka broker in KRaft mode and two ledger nodes on the same database and broker, reachable by the simulator from
 * the host.
 */
class ComposeFileTest {

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void runsOneKafkaBrokerInKraftModeReachableInsideAndFromTheHost() {
        Map<String, Object> kafka = services.get("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:4.");
        Map<String, Object> environment = environment("kafka");
        assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093")
                .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat((String) environment.get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("INTERNAL://kafka:9092", "EXTERNAL://localhost:9094");
        assertThat((List<String>) kafka.get("ports")).contains("9094:9094");
        assertThat(kafka).containsKey("healthcheck");
    }

    @Test
    void twoLedgerNodesShareTheDatabaseAndTheBroker() {
        for (String node : List.of("ledger", "ledger-2")) {
            Map<String, Object> environment = environment(node);
            assertThat(environment).as(node).containsEntry("LEDGER_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("LEDGER_DB_URL", "jdbc:postgresql://postgres:5432/ledger")
                    // Two command-side processes on one event store: no aggregate cache (docs/architecture.md).
                    .containsEntry("LEDGER_AGGREGATE_CACHE_SIZE", "0");
            assertThat(services.get(node).get("command")).as(node).isEqualTo(services.get("ledger").get("command"));
            assertThat((Map<String, Object>) services.get(node).get("depends_on")).as(node)
                    .containsKeys("postgres", "kafka");
        }
        assertThat((List<String>) services.get("ledger").get("ports")).containsExactly("8080:8080");
        assertThat((List<String>) services.get("ledger-2").get("ports")).containsExactly("8081:8080");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        assertThat(environment).as(service + " environment").isNotNull();
        return environment;
    }
}
