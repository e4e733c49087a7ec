package org.integrationledger.simulator.connector;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.ArrayList;
import java.util.List;

/**
 * A real Kafka broker in this process (spring-kafka-test's KRaft broker, one node) with the ledger's development
 * topics, its outcome and dead-letter topics, for the harness, the fault suite and the tests; stopped on close.
 */
public final class InProcessKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private InProcessKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** Starts the broker with every topic the ledger's channel uses, each with {@code partitions} partitions. */
    public static InProcessKafka start(int partitions) {
        List<String> topics = new ArrayList<>(KafkaChannel.DEVELOPMENT_TOPICS.values());
        topics.addAll(List.of(KafkaChannel.OUTCOME_TOPIC, KafkaChannel.DEAD_LETTER_TOPIC));
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics.toArray(String[]::new));
        broker.afterPropertiesSet();
        return new InProcessKafka(broker);
    }

    /** {@code host:port} for {@code ledger.kafka.bootstrap-servers} and the simulator's clients. */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
