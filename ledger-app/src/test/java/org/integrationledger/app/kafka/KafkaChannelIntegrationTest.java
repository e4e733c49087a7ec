package org.integrationledger.app.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The Kafka channel against a real in-process broker (spring-kafka-test's embedded broker, KRaft: Kafka 4 has no ZooKeeper) and the real
 * ledger on PostgreSQL: what goes in on a system's topic is recorded by the HTTP path's rules, and every outcome or
 * dead letter comes out on its topic.
 */
@EmbeddedKafka(partitions = 2,
        topics = {KafkaChannelIntegrationTest.PROCUREMENT_TOPIC, KafkaChannelIntegrationTest.ERP_NA_TOPIC,
                "p2p.erp-emea", "p2p.tax-engine", "p2p.treasury", "ledger.outcomes", "ledger.dead-letters"},
        bootstrapServersProperty = "ledger.kafka.bootstrap-servers")
// The broker stops with this class; its ledger would keep reconnecting to it for the rest of the suite.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KafkaChannelIntegrationTest extends LedgerIntegrationTest {

    /** The development systems' topics of application.yml: setting the broker alone starts the channel. */
    static final String PROCUREMENT_TOPIC = "p2p.procurement";
    static final String ERP_NA_TOPIC = "p2p.erp-na";

    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private ApplicationContext context;

    private Producer<String, byte[]> producer;
    private Consumer<String, byte[]> outcomes;
    private Consumer<String, byte[]> deadLetters;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    @BeforeEach
    void connectToBroker() {
        producer = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer()).createProducer();
        outcomes = consumerOf("ledger.outcomes");
        deadLetters = consumerOf("ledger.dead-letters");
    }

    @AfterEach
    void disconnect() {
        producer.close();
        outcomes.close();
        deadLetters.close();
    }

    @Test
    void theChannelRunsOnlyBecauseABrokerIsConfigured() {
        assertThat(context.getBeansOfType(KafkaIntake.class)).hasSize(1);
        assertThat(context.getBeansOfType(MessageListenerContainer.class).values())
                .allMatch(MessageListenerContainer::isRunning).isNotEmpty();
    }

    @Test
    void aPurchaseOrderIssuedOverKafkaIsRecordedPublishedAndShownInTheViews() throws Exception {
        String po = newPurchaseOrderId();
        Map<String, Object> body = issue("US01", "USD");

        send(PROCUREMENT_TOPIC, po, "purchase-orders/issue", body);

        JsonNode outcome = awaitOutcomes(messageId(body), 1).get(0);
        assertThat(outcome.path("status").asText()).isEqualTo("RECORDED");
        assertThat(outcome.path("command").asText()).isEqualTo("purchase-orders/issue");
        assertThat(outcome.path("documentId").asText()).isEqualTo(po);
        // The ledger version is the sequence number of the document's last event: the first is 0.
        assertThat(outcome.path("ledgerVersion").asLong()).isZero();
        assertThat(outcome.path("recorded").get(0).asText()).isEqualTo("PurchaseOrderIssued");
        assertThat(events.eventCount(po)).isEqualTo(1);
        assertThat(events.metaData(po, 0)).contains("procurement-connector");
        JsonNode view = awaitView(po);
        assertThat(view.path("procurementStatus").asText()).isEqualTo("ISSUED");
        assertThat(view.path("routedTo").asText()).isEqualTo("ERP_NA");
    }

    @Test
    void aRedeliveredRecordIsRecordedOnceAndAnsweredWithTheFirstOutcome() throws Exception {
        String po = newPurchaseOrderId();
        Map<String, Object> body = issue("US01", "USD");

        send(PROCUREMENT_TOPIC, po, "purchase-orders/issue", body);
        send(PROCUREMENT_TOPIC, po, "purchase-orders/issue", body);

        List<JsonNode> both = awaitOutcomes(messageId(body), 2);
        assertThat(both).extracting(outcome -> outcome.path("status").asText()).containsExactly("RECORDED", "REPLAYED");
        assertThat(both.get(1).path("ledgerVersion")).isEqualTo(both.get(0).path("ledgerVersion"));
        assertThat(events.eventCount(po)).isEqualTo(1);
    }

    @Test
    void theSameMessageOverHttpAfterKafkaIsRecordedOnce() throws Exception {
        String po = newPurchaseOrderId();
        Map<String, Object> body = issue("US01", "USD");
        send(PROCUREMENT_TOPIC, po, "purchase-orders/issue", body);
        assertThat(awaitOutcomes(messageId(body), 1).get(0).path("status").asText()).isEqualTo("RECORDED");
        long accepted = events.acceptedMessages();

        Response overHttp = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, body);

        assertThat(overHttp.status()).as(overHttp.toString()).isEqualTo(200);
        assertThat(overHttp.replayed()).isEqualTo("true");
        assertThat(events.eventCount(po)).isEqualTo(1);
        assertThat(events.acceptedMessages()).isEqualTo(accepted);
    }

    @Test
    void aMessageOfAnotherSystemOnASystemsTopicIsRejectedAndWritesNothing() throws Exception {
        String po = newPurchaseOrderId();
        Map<String, Object> procurementsOrder = issue("US01", "USD");
        long accepted = events.acceptedMessages();

        send(ERP_NA_TOPIC, po, "purchase-orders/issue", procurementsOrder);

        JsonNode outcome = awaitOutcomes(messageId(procurementsOrder), 1).get(0);
        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("code").asText()).isEqualTo("system-not-permitted");
        assertThat(outcome.path("documentId").asText()).isEqualTo(po);
        assertThat(outcome.path("command").asText()).isEqualTo("purchase-orders/issue");
        assertThat(events.eventCount(po)).isZero();
        assertThat(events.acceptedMessages()).isEqualTo(accepted);
    }

    @Test
    void aBodyOutsideTheContractIsRejectedWithTheCodeHttpAnswers() throws Exception {
        String po = newPurchaseOrderId();
        Map<String, Object> body = new HashMap<>(issue("US01", "USD"));
        body.put("discount", "10");

        send(PROCUREMENT_TOPIC, po, "purchase-orders/issue", body);

        JsonNode outcome = awaitOutcomes(messageId(body), 1).get(0);
        assertThat(outcome.path("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome.path("code").asText()).isEqualTo("unknown-field");
        assertThat(outcome.path("pointer").asText()).isEqualTo("/discount");
        assertThat(events.eventCount(po)).isZero();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithTheReason() {
        String po = newPurchaseOrderId();
        producer.send(record(PROCUREMENT_TOPIC, po, "purchase-orders/issue",
                "{\"messageId\": \"truncated".getBytes(StandardCharsets.UTF_8)));
        String unknownCommand = newPurchaseOrderId();
        producer.send(record(PROCUREMENT_TOPIC, unknownCommand, "purchase-orders/teleport",
                "{}".getBytes(StandardCharsets.UTF_8)));
        producer.flush();

        ConsumerRecord<String, byte[]> notJson = awaitDeadLetter(po);
        assertThat(reason(notJson)).startsWith("the body is not JSON");
        assertThat(new String(notJson.headers().lastHeader(KafkaIntake.SOURCE_TOPIC_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo(PROCUREMENT_TOPIC);
        assertThat(reason(awaitDeadLetter(unknownCommand))).startsWith("unknown command 'purchase-orders/teleport'");
        assertThat(events.eventCount(po)).isZero();
    }

    private void send(String topic, String documentId, String command, Map<String, Object> body) throws Exception {
        producer.send(record(topic, documentId, command, mapper.writeValueAsBytes(body))).get();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String documentId, String command, byte[] body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, documentId, body);
        record.headers().add(KafkaIntake.COMMAND_HEADER, command.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String messageId(Map<String, Object> body) {
        return String.valueOf(body.get("messageId"));
    }

    private List<JsonNode> awaitOutcomes(String messageId, int count) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : outcomes.poll(Duration.ofMillis(500))) {
                if (messageId.equals(record.key())) {
                    found.add(mapper.readTree(record.value()));
                }
            }
        }
        assertThat(found).as("outcomes of " + messageId).hasSize(count);
        return found;
    }

    /** Waits for the dead letter of a key; one poll may bring several, so the others are kept for later calls. */
    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : received) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
            deadLetters.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        throw new AssertionError("no dead letter for " + key + " among "
                + received.stream().map(ConsumerRecord::key).toList());
    }

    private static String reason(ConsumerRecord<String, byte[]> deadLetter) {
        return new String(deadLetter.headers().lastHeader(KafkaIntake.REASON_HEADER).value(), StandardCharsets.UTF_8);
    }

    private JsonNode awaitView(String po) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/purchase-orders/" + po, REPORTING_KEY), view -> view.status() == 200)
                .body();
    }

    private Consumer<String, byte[]> consumerOf(String topic) {
        // Assigned, not subscribed: the test reads whole topics and needs no group coordinator, which a broker
        // still creating its offsets topic may not offer for a while.
        Map<String, Object> properties = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        partitions.forEach(partition -> consumer.seek(partition, 0));
        return consumer;
    }
}
