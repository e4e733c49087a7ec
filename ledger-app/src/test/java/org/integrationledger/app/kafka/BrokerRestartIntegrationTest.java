package org.integrationledger.app.kafka;

import kafka.server.BrokerServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The broker restarts while the ledger takes a connector's messages: outcomes that could not be published hold their
 * offsets, the polls are delivered again after the restart, and every message ends recorded exactly once with an
 * outcome published.
 */
@Tag(KafkaLedgerNodes.OWN_NODES)
@EmbeddedKafka(partitions = 3, topics = {"p2p.procurement", "p2p.erp-na", "p2p.erp-emea", "p2p.tax-engine",
        "p2p.treasury", "ledger.outcomes", "ledger.dead-letters"})
class BrokerRestartIntegrationTest {

    private static final int DOCUMENTS = 200;

    @Test
    void everyMessageIsRecordedOnceAndAnsweredAcrossABrokerRestart() throws Exception {
        EmbeddedKafkaKraftBroker broker = (EmbeddedKafkaKraftBroker) EmbeddedKafkaCondition.getBroker();
        try (KafkaLedgerNodes ledger = new KafkaLedgerNodes(broker)) {
            ConfigurableApplicationContext node = ledger.startNode();
            ledger.send(DOCUMENTS);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ledger.answered() >= ledger.messageIds.size() / 10);

            BrokerServer server = broker.getCluster().brokers().values().iterator().next();
            server.shutdown();
            server.awaitShutdown();
            server.startup();
            ledger.send(DOCUMENTS / 2);

            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(ledger::allAnswered);
            ledger.assertEveryMessageRecordedOnce(node.getBean(JdbcTemplate.class));
        }
    }
}
