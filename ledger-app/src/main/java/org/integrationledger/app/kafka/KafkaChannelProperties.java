package org.integrationledger.app.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * {@code ledger.kafka.*}: the broker, and per source system the topic its connector publishes to and the connector
 * id its messages count under (the id of its API key, so a message sent over both channels is recorded once).
 *
 * @param bootstrapServers the brokers; the channel exists only when this is set ({@code LEDGER_KAFKA_BOOTSTRAP_SERVERS})
 * @param groupId          the consumer group the ledger's nodes share
 * @param outcomeTopic     where every message's outcome is published, keyed by its message id
 * @param deadLetterTopic  where a record that cannot be read is published, with the reason in a header
 * @param topics           per system id ({@code PROCUREMENT}, {@code ERP_NA}, ...) its topic and connector
 */
@ConfigurationProperties("ledger.kafka")
public record KafkaChannelProperties(String bootstrapServers,
                                     @DefaultValue("integration-ledger") String groupId,
                                     @DefaultValue("ledger.outcomes") String outcomeTopic,
                                     @DefaultValue("ledger.dead-letters") String deadLetterTopic,
                                     Map<String, SystemTopic> topics) {

    public KafkaChannelProperties {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        topics.forEach((system, topic) -> {
            if (topic.name() == null || topic.name().isBlank() || topic.connector() == null
                    || topic.connector().isBlank()) {
                throw new IllegalArgumentException("ledger.kafka.topics." + system + " needs a name and a connector");
            }
        });
    }

    /** The topic one system's connector publishes to, and the connector id its messages are recorded under. */
    public record SystemTopic(String name, String connector) {
    }
}
