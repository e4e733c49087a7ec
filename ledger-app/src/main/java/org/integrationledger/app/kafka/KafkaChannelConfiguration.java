package org.integrationledger.app.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationledger.app.intake.MessageDispatch;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Wires the Kafka channel, only when {@code ledger.kafka.bootstrap-servers} is set: the embedded default starts no
 * client and needs no broker. The ledger builds its clients itself (plain spring-kafka, no Boot auto-configuration),
 * so nothing Kafka-related exists without that setting.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.kafka", name = "bootstrap-servers")
@EnableConfigurationProperties(KafkaChannelProperties.class)
class KafkaChannelConfiguration {

    @Bean
    KafkaTemplate<String, byte[]> ledgerKafkaTemplate(KafkaChannelProperties properties) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                // An outcome counts as published only once every in-sync replica has it; retries do not double it.
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }

    @Bean
    KafkaIntake kafkaIntake(KafkaChannelProperties properties, MessageDispatch dispatch,
                            KafkaTemplate<String, byte[]> ledgerKafkaTemplate, JsonMapper json) {
        return new KafkaIntake(properties, dispatch, ledgerKafkaTemplate, json);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> kafkaIntakeContainer(KafkaChannelProperties properties,
                                                                           KafkaIntake intake) {
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, properties.groupId(),
                // Offsets are committed by the intake, after the ledger's transaction and the outcome's publication.
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                // Bytes never fail to deserialize: an unreadable body reaches the intake and its dead-letter topic.
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        ContainerProperties container = new ContainerProperties(intake.topicNames());
        container.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        container.setMessageListener(intake);
        ConcurrentMessageListenerContainer<String, byte[]> listener =
                new ConcurrentMessageListenerContainer<>(consumers, container);
        // A failure that is not a refusal (PostgreSQL unreachable, broker not answering the outcome) leaves the
        // offset where it is: the record is delivered again, after a growing pause, until it goes through.
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        listener.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return listener;
    }
}
