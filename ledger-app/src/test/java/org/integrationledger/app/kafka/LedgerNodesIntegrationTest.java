package org.integrationledger.app.kafka;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
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
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Two ledger nodes (two application contexts on one PostgreSQL and one broker) in one consumer group share a
 * topic's partitions; one stops midway, its partitions move to the other, and every message is still recorded
 * exactly once: each document ends with exactly its events, each message id with one idempotency row and an outcome.
 */
@EmbeddedKafka(partitions = 6, topics = {"p2p.procurement", "p2p.erp-na", "p2p.erp-emea", "p2p.tax-engine",
        "p2p.treasury", "ledger.outcomes", "ledger.dead-letters"})
class LedgerNodesIntegrationTest {

    private static final int DOCUMENTS = 400;
    /** Per document: its issue and four goods receipts, in order on the document's partition. */
    private static final int RECEIPTS = 4;

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoNodesShareTheTopicAndANodeStoppingMidwayLosesAndDoublesNothing() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        ConfigurableApplicationContext first = node(broker);
        ConfigurableApplicationContext second = node(broker);
        Map<String, List<String>> outcomes = new ConcurrentHashMap<>();
        List<String> orders = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();

        try (Producer<String, byte[]> producer = new DefaultKafkaProducerFactory<>(
                KafkaTestUtils.producerProps(broker.getBrokersAsString()), new StringSerializer(),
                new ByteArraySerializer()).createProducer();
             Consumer<String, byte[]> outcomeTopic = outcomeConsumer(broker)) {
            send(producer, DOCUMENTS / 2, orders, messageIds);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> read(outcomeTopic, outcomes) >= messageIds.size() / 4);
            assertThat(commandsHandled(second)).as("commands the second node handled").isPositive();

            second.close();
            send(producer, DOCUMENTS / 2, orders, messageIds);

            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        read(outcomeTopic, outcomes);
                        return outcomes.keySet().containsAll(messageIds);
                    });
        }

        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        assertThat(commandsHandled(first)).as("commands the first node handled").isPositive();
        for (String order : orders) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, "purchase-order:" + order)).as("events of " + order).isEqualTo(1 + RECEIPTS);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM connector_message WHERE message_id = ANY (?)",
                Long.class, (Object) messageIds.toArray(String[]::new))).isEqualTo(messageIds.size());
        for (String messageId : messageIds) {
            List<String> statuses = outcomes.get(messageId);
            // Answered at least once; recorded at most once (a redelivery after the move answers REPLAYED).
            assertThat(statuses).as(messageId).isSubsetOf("RECORDED", "REPLAYED");
            assertThat(statuses.stream().filter("RECORDED"::equals).count()).as(messageId).isLessThanOrEqualTo(1);
        }
    }

    private ConfigurableApplicationContext node(EmbeddedKafkaBroker broker) {
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

    private void send(Producer<String, byte[]> producer, int documents, List<String> orders, List<String> messageIds)
            throws Exception {
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

    private int read(Consumer<String, byte[]> outcomeTopic, Map<String, List<String>> outcomes) {
        for (ConsumerRecord<String, byte[]> record : outcomeTopic.poll(Duration.ofMillis(200))) {
            try {
                JsonNode outcome = mapper.readTree(record.value());
                outcomes.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(outcome.path("status").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return outcomes.size();
    }

    private static long commandsHandled(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).find("ledger.connector.commands").tag("outcome", "success")
                .timers().stream().mapToLong(timer -> timer.count()).sum();
    }

    private static Consumer<String, byte[]> outcomeConsumer(EmbeddedKafkaBroker broker) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer();
        List<TopicPartition> partitions = consumer.partitionsFor("ledger.outcomes").stream()
                .map(info -> new TopicPartition("ledger.outcomes", info.partition())).toList();
        consumer.assign(partitions);
        partitions.forEach(partition -> consumer.seek(partition, 0));
        return consumer;
    }
}
