package org.integrationledger.app.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.integrationledger.app.intake.MessageDispatch;
import org.integrationledger.app.intake.MessageOutcome;
import org.integrationledger.app.intake.Submission;
import org.integrationledger.app.intake.UnreadableMessage;
import org.integrationledger.command.connector.ConnectorAuthorization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Reads connector records and records each by the HTTP path's rules ({@link MessageDispatch}). A record on a
 * system's topic counts as sent by that topic's connector for that system alone, as if with an API key bound to
 * it: a body naming another {@code reportingSystem} is refused ({@code system-not-permitted}). Every outcome goes to
 * the outcome topic keyed by message id, an unreadable record to the dead-letter topic; only then is the offset
 * committed, so a record is handled at least once and recorded once (the message id's idempotency).
 */
public class KafkaIntake implements AcknowledgingMessageListener<String, byte[]> {

    /** Header naming the command: the HTTP endpoint's path below /api/v1/ without the id, e.g. purchase-orders/issue. */
    public static final String COMMAND_HEADER = "ledger-command";
    /** Optional header with the correlation id an HTTP request sends as X-Correlation-Id. */
    public static final String CORRELATION_HEADER = "ledger-correlation-id";
    /** Header of a dead letter saying why its record could not be read. */
    public static final String REASON_HEADER = "ledger-dead-letter-reason";
    /** Headers of a dead letter naming the record it copies. */
    public static final String SOURCE_TOPIC_HEADER = "ledger-source-topic";
    public static final String SOURCE_PARTITION_HEADER = "ledger-source-partition";
    public static final String SOURCE_OFFSET_HEADER = "ledger-source-offset";

    private static final Logger log = LoggerFactory.getLogger(KafkaIntake.class);

    private final KafkaChannelProperties properties;
    private final MessageDispatch dispatch;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final Map<String, Authentication> connectorByTopic;

    KafkaIntake(KafkaChannelProperties properties, MessageDispatch dispatch, KafkaTemplate<String, byte[]> kafka,
                JsonMapper json) {
        this.properties = properties;
        this.dispatch = dispatch;
        this.kafka = kafka;
        this.json = json;
        this.connectorByTopic = properties.topics().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getValue().name(),
                entry -> UsernamePasswordAuthenticationToken.authenticated(entry.getValue().connector(), null,
                        List.of(new SimpleGrantedAuthority(ConnectorAuthorization.SYSTEM_AUTHORITY_PREFIX
                                + entry.getKey())))));
        if (connectorByTopic.isEmpty()) {
            throw new IllegalStateException("ledger.kafka.bootstrap-servers is set but no ledger.kafka.topics.<system>");
        }
    }

    String[] topicNames() {
        return connectorByTopic.keySet().stream().sorted().toArray(String[]::new);
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
        Submission submission = new Submission(header(record, COMMAND_HEADER), record.key(), record.value(),
                header(record, CORRELATION_HEADER));
        try {
            MessageOutcome outcome = dispatch.dispatch(submission, connectorByTopic.get(record.topic()));
            publish(new ProducerRecord<>(properties.outcomeTopic(), outcome.messageId(),
                    json.writeValueAsBytes(outcome)));
        } catch (UnreadableMessage unreadable) {
            log.warn("Kafka record {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(),
                    properties.deadLetterTopic(), unreadable.getMessage());
            ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(properties.deadLetterTopic(),
                    record.key(), record.value());
            record.headers().forEach(header -> deadLetter.headers().add(header));
            deadLetter.headers()
                    .add(REASON_HEADER, bytes(unreadable.getMessage()))
                    .add(SOURCE_TOPIC_HEADER, bytes(record.topic()))
                    .add(SOURCE_PARTITION_HEADER, bytes(Integer.toString(record.partition())))
                    .add(SOURCE_OFFSET_HEADER, bytes(Long.toString(record.offset())));
            publish(deadLetter);
        }
        acknowledgment.acknowledge();
    }

    /** Waits for the broker: the offset may be committed only after the outcome is safely published. */
    private void publish(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing to " + record.topic(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + record.topic() + " failed", e.getCause());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
