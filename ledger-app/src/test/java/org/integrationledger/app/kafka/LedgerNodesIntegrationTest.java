package org.integrationledger.app.kafka;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two ledger nodes (two application contexts on one PostgreSQL and one broker) in one consumer group share a
 * topic's partitions; one stops midway, its partitions move to the other, and every message is still recorded
 * exactly once: each document ends with exactly its events, each message id with one idempotency row and an outcome.
 */
@Tag(KafkaLedgerNodes.OWN_NODES)
@EmbeddedKafka(partitions = 6, topics = {"p2p.procurement", "p2p.erp-na", "p2p.erp-emea", "p2p.tax-engine",
        "p2p.treasury", "ledger.outcomes", "ledger.dead-letters"})
class LedgerNodesIntegrationTest {

    private static final int DOCUMENTS = 400;

    @Test
    void twoNodesShareTheTopicAndANodeStoppingMidwayLosesAndDoublesNothing() throws Exception {
        try (KafkaLedgerNodes ledger = new KafkaLedgerNodes(EmbeddedKafkaCondition.getBroker())) {
            ConfigurableApplicationContext first = ledger.startNode();
            ConfigurableApplicationContext second = ledger.startNode();

            ledger.send(DOCUMENTS / 2);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ledger.answered() >= ledger.messageIds.size() / 4);
            assertThat(KafkaLedgerNodes.commandsHandled(second)).as("commands the second node handled").isPositive();

            second.close();
            ledger.send(DOCUMENTS / 2);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(ledger::allAnswered);

            assertThat(KafkaLedgerNodes.commandsHandled(first)).as("commands the first node handled").isPositive();
            assertThat(ledger.messageIds).hasSize(DOCUMENTS * (1 + KafkaLedgerNodes.RECEIPTS));
            ledger.assertEveryMessageRecordedOnce(first.getBean(JdbcTemplate.class));
        }
    }
}
