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
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Reads connector records a poll at a time and records them by the HTTP path's rules ({@link MessageDispatch}),
 * sharing transactions (group commit). A record on a
 * system's topic counts as sent by that topic's connector for that system alone, as if with an API key bound to
 * it: a body naming another {@code reportingSystem} is refused ({@code system-not-permitted}). Every outcome goes to
 * the outcome topic keyed by message id, an unreadable record to the dead-letter topic; only then is the offset
 * committed, so a record is handled at least once and recorded once (the message id's idempotency).
 */
public class KafkaIntake implements BatchAcknowledgingMessageListener<String, byte[]> {

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

    /**
     * Records a poll's records together ({@link MessageDispatch#dispatchAll}: as few transactions as the group
     * limit and the failures allow), then publishes every outcome and dead letter and waits for the broker to
     * acknowledge them all, and only then commits the poll's offsets. A failure anywhere before that is thrown: the
     * container delivers the poll again, and the records recorded already are answered {@code REPLAYED}.
     */
    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
        List<MessageDispatch.Addressed> messages = records.stream()
                .map(record -> new MessageDispatch.Addressed(new Submission(header(record, COMMAND_HEADER),
                        record.key(), record.value(), header(record, CORRELATION_HEADER)),
                        connectorByTopic.get(record.topic())))
                .toList();
        List<MessageDispatch.Dispatched> answers = dispatch.dispatchAll(messages);
        List<CompletableFuture<?>> sends = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            MessageDispatch.Dispatched answer = answers.get(i);
            ConsumerRecord<String, byte[]> record = records.get(i);
            sends.add(answer.outcome() != null
                    ? kafka.send(new ProducerRecord<>(properties.outcomeTopic(), answer.outcome().messageId(),
                            json.writeValueAsBytes(answer.outcome())))
                    : kafka.send(deadLetter(record, answer.unreadable())));
        }
        awaitBroker(sends);
        acknowledgment.acknowledge();
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record,
                                                      UnreadableMessage unreadable) {
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
        return deadLetter;
    }

    /** Waits for the broker: the offsets may be committed only after every outcome is safely published. */
    private static void awaitBroker(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing outcomes", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing outcomes failed", e.getCause());
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
