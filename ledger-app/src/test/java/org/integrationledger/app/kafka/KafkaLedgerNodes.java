package org.integrationledger.app.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.integrationledger.app.IntegrationLedgerApplication;
import org.integrationledger.app.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Whole ledger nodes on the test PostgreSQL and an embedded broker, a procurement connector's traffic (per document
 * its issue and four goods receipts, keyed by the document), and the outcomes it gets back, for the tests of
 * several nodes and faults.
 */
final class KafkaLedgerNodes implements AutoCloseable {

    /**
     * Tag of the tests that start nodes of their own: Maven runs them in a JVM without the suite's cached ledger
     * context, which would otherwise be one more node on the same database (ledger-app/pom.xml).
     */
    static final String OWN_NODES = "own-ledger-nodes";

    /** Per document: its issue and four goods receipts, in order on the document's partition. */
    static final int RECEIPTS = 4;

    private final ObjectMapper mapper = new ObjectMapper();
    private final EmbeddedKafkaBroker broker;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final Producer<String, byte[]> producer;
    private final Consumer<String, byte[]> outcomeTopic;
    private final Map<String, List<String>> outcomes = new ConcurrentHashMap<>();
    final List<String> orders = new ArrayList<>();
    final List<String> messageIds = new ArrayList<>();

    KafkaLedgerNodes(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.producer = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer()).createProducer();
        Map<String, Object> properties = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        this.outcomeTopic = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer();
        List<TopicPartition> partitions = outcomeTopic.partitionsFor("ledger.outcomes").stream()
                .map(info -> new TopicPartition("ledger.outcomes", info.partition())).toList();
        outcomeTopic.assign(partitions);
        partitions.forEach(partition -> outcomeTopic.seek(partition, 0));
    }

    /** Starts a ledger node in the ledger's consumer group. */
    ConfigurableApplicationContext startNode() {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(IntegrationLedgerApplication.class).run(
                "--ledger.database.url=" + TestDatabase.url(),
                "--ledger.database.username=" + TestDatabase.user(),
                "--ledger.database.password=" + TestDatabase.password(),
                "--ledger.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--ledger.sla.evaluation.interval=PT1H",
                "--server.port=0");
        nodes.add(node);
        return node;
    }

    /** Publishes each new document's messages on the procurement topic, keyed by the document. */
    void send(int documents) throws IOException {
        for (int d = 0; d < documents; d++) {
            String po = newPurchaseOrderId();
            orders.add(po);
            List<Map<String, Object>> bodies = new ArrayList<>();
            bodies.add(issue("US01", "USD"));
            for (int r = 0; r < RECEIPTS; r++) {
                bodies.add(receipt("1", null));
            }
            for (int i = 0; i < bodies.size(); i++) {
                Map<String, Object> body = bodies.get(i);
                messageIds.add(String.valueOf(body.get("messageId")));
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("p2p.procurement", po,
                        mapper.writeValueAsBytes(body));
                record.headers().add(KafkaIntake.COMMAND_HEADER, (i == 0 ? "purchase-orders/issue"
                        : "purchase-orders/goods-receipts").getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
        producer.flush();
    }

    /** Reads what the outcome topic has now; answers how many message ids have an outcome. */
    int answered() {
        for (ConsumerRecord<String, byte[]> record : outcomeTopic.poll(Duration.ofMillis(200))) {
            try {
                outcomes.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(mapper.readTree(record.value()).path("status").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return outcomes.size();
    }

    boolean allAnswered() {
        answered();
        return outcomes.keySet().containsAll(messageIds);
    }

    /**
     * Every document has exactly its events, every message id one idempotency row, and every message an outcome:
     * recorded at most once, any other answer a replay of it.
     */
    void assertEveryMessageRecordedOnce(JdbcTemplate jdbc) {
        for (String order : orders) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, "purchase-order:" + order)).as("events of " + order).isEqualTo(1 + RECEIPTS);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM connector_message WHERE message_id = ANY (?)",
                Long.class, (Object) messageIds.toArray(String[]::new))).isEqualTo(messageIds.size());
        for (String messageId : messageIds) {
            List<String> statuses = outcomes.get(messageId);
            assertThat(statuses).as(messageId).isNotEmpty().isSubsetOf("RECORDED", "REPLAYED");
            assertThat(statuses.stream().filter("RECORDED"::equals).count()).as(messageId).isLessThanOrEqualTo(1);
        }
    }

    static long commandsHandled(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).find("ledger.connector.commands").tag("outcome", "success")
                .timers().stream().mapToLong(timer -> timer.count()).sum();
    }

    @Override
    public void close() {
        producer.close();
        outcomeTopic.close();
        nodes.forEach(ConfigurableApplicationContext::close);
    }
}
