package org.integrationledger.simulator.connector;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationledger.simulator.workload.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Publishes each message as a record on its reporting system's topic, keyed by its document id, with the command in
 * the {@code ledger-command} header (docs/connectors.md, "Kafka"), and learns its outcome from the ledger's outcome
 * topic, keyed by message id. A hand-over is one topic's records, so a document's messages of one system travel
 * together in order (same key, same partition); its next message of another system, or about another document (an
 * invoice after its order), waits for the outcomes, as that system reacts only to what happened.
 */
public final class KafkaChannel implements Channel {

    /** The topics of the ledger's development configuration (application.yml, {@code ledger.kafka.topics}). */
    public static final Map<String, String> DEVELOPMENT_TOPICS = Map.of("PROCUREMENT", "p2p.procurement",
            "ERP_NA", "p2p.erp-na", "ERP_EMEA", "p2p.erp-emea", "TAX_ENGINE", "p2p.tax-engine",
            "TREASURY", "p2p.treasury");
    public static final String OUTCOME_TOPIC = "ledger.outcomes";
    public static final String DEAD_LETTER_TOPIC = "ledger.dead-letters";
    public static final String COMMAND_HEADER = "ledger-command";
    public static final String CORRELATION_HEADER = "ledger-correlation-id";

    /** One outcome as read from the outcome topic: the message id (its key) and the outcome. */
    public record Published(String messageId, Outcome outcome) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> topicBySystem;
    private final int inFlight;
    private final Duration outcomeTimeout;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, String> outcomes;
    private final Thread listener;
    private final Consumer<Published> observer;
    /** Per message id, the deliveries still waiting for an outcome, oldest first. */
    private final Map<String, Deque<CompletableFuture<Outcome>>> waiting = new ConcurrentHashMap<>();
    private final LongAdder unsolicited = new LongAdder();
    private volatile boolean open = true;

    /** The development topics, 100 documents in flight per connection, a minute for an outcome, no observer. */
    public KafkaChannel(String bootstrapServers) {
        this(bootstrapServers, HttpBatchChannel.MAX_BATCH, DEVELOPMENT_TOPICS, Duration.ofMinutes(1), published -> {
        });
    }

    /**
     * {@code observer} sees every outcome the topic carries from now on, those of earlier deliveries of a message
     * id included (a redelivery after a crash answers twice).
     */
    public KafkaChannel(String bootstrapServers, int inFlight, Map<String, String> topicBySystem,
                        Duration outcomeTimeout, Consumer<Published> observer) {
        this.topicBySystem = Map.copyOf(topicBySystem);
        this.inFlight = inFlight;
        this.outcomeTimeout = outcomeTimeout;
        this.observer = observer;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "connector-simulator"),
                new StringSerializer(), new ByteArraySerializer());
        this.outcomes = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.CLIENT_ID_CONFIG, "connector-simulator-outcomes"),
                new StringDeserializer(), new StringDeserializer());
        // Positioned at the end before anything is published, so every outcome of this run is read, none before it.
        List<TopicPartition> partitions = outcomePartitions();
        outcomes.assign(partitions);
        outcomes.seekToEnd(partitions);
        partitions.forEach(outcomes::position);
        this.listener = new Thread(this::listen, "outcome-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private List<TopicPartition> outcomePartitions() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            List<PartitionInfo> found = outcomes.partitionsFor(OUTCOME_TOPIC, Duration.ofSeconds(10));
            if (found != null && !found.isEmpty()) {
                return found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
        }
        throw new IllegalStateException("the outcome topic " + OUTCOME_TOPIC + " does not exist; create it");
    }

    @Override
    public int documentsInFlight() {
        return inFlight;
    }

    @Override
    public int maxHandOver() {
        return inFlight;
    }

    @Override
    public boolean ordersByDocumentIdOnly() {
        return true;
    }

    @Override
    public String lane(Message message) {
        return topicOf(json.readTree(message.body()).path("reportingSystem").asString());
    }

    private String topicOf(String system) {
        String topic = topicBySystem.get(system);
        if (topic == null) {
            throw new IllegalArgumentException("no topic for system " + system);
        }
        return topic;
    }

    @Override
    public List<Outcome> deliver(List<Message> messages) {
        List<CompletableFuture<Outcome>> answers = new ArrayList<>(messages.size());
        List<String> ids = new ArrayList<>(messages.size());
        for (Message message : messages) {
            JsonNode body = json.readTree(message.body());
            String messageId = body.path("messageId").asString();
            CompletableFuture<Outcome> answer = new CompletableFuture<>();
            waiting.compute(messageId, (id, queue) -> {
                Deque<CompletableFuture<Outcome>> q = queue == null ? new ArrayDeque<>() : queue;
                q.add(answer);
                return q;
            });
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topicOf(body.path("reportingSystem")
                    .asString()), message.documentId(), message.body().getBytes(StandardCharsets.UTF_8));
            record.headers().add(COMMAND_HEADER, message.command().getBytes(StandardCharsets.UTF_8));
            record.headers().add(CORRELATION_HEADER, message.correlationId().getBytes(StandardCharsets.UTF_8));
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    answer.complete(Outcome.failed("not published: " + failure));
                }
            });
            answers.add(answer);
            ids.add(messageId);
        }
        long deadline = System.nanoTime() + outcomeTimeout.toNanos();
        List<Outcome> result = new ArrayList<>(messages.size());
        for (int i = 0; i < answers.size(); i++) {
            CompletableFuture<Outcome> answer = answers.get(i);
            try {
                result.add(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                forget(ids.get(i), answer);
                result.add(Outcome.failed("no outcome within " + outcomeTimeout));
            } catch (ExecutionException e) {
                result.add(Outcome.failed(e.getCause().toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return result;
    }

    /** Outcomes read for which no delivery was waiting (a second answer after a redelivery, or an older run's). */
    public long unsolicitedOutcomes() {
        return unsolicited.sum();
    }

    private void forget(String messageId, CompletableFuture<Outcome> answer) {
        waiting.computeIfPresent(messageId, (id, queue) -> {
            queue.remove(answer);
            return queue.isEmpty() ? null : queue;
        });
    }

    private void listen() {
        try {
            while (open) {
                for (ConsumerRecord<String, String> record : outcomes.poll(Duration.ofMillis(100))) {
                    JsonNode outcome = json.readTree(record.value());
                    Published published = new Published(record.key(), Outcome.of(outcome.path("status").asString(),
                            outcome.path("code").asString(null), record.value()));
                    observer.accept(published);
                    boolean[] answered = {false};
                    waiting.computeIfPresent(record.key(), (id, queue) -> {
                        // A delivery that already failed (not published) gives way to the next one of the same id.
                        while (!answered[0] && !queue.isEmpty()) {
                            answered[0] = queue.poll().complete(published.outcome());
                        }
                        return queue.isEmpty() ? null : queue;
                    });
                    if (!answered[0]) {
                        unsolicited.increment();
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() ends the poll
        } finally {
            outcomes.close();
        }
    }

    @Override
    public void close() {
        open = false;
        outcomes.wakeup();
        try {
            listener.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
