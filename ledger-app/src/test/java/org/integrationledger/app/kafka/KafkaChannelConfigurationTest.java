package org.integrationledger.app.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default needs no broker: without ledger.kafka.bootstrap-servers no Kafka client is even built. */
class KafkaChannelConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(KafkaChannelConfiguration.class);

    @Test
    void withoutABrokerNothingKafkaExists() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(KafkaChannelProperties.class);
            assertThat(context).doesNotHaveBean(KafkaIntake.class);
            assertThat(context).doesNotHaveBean(KafkaTemplate.class);
            assertThat(context).doesNotHaveBean(MessageListenerContainer.class);
        });
    }

    /** The control: with the setting the configuration is active and builds the intake (here without a ledger). */
    @Test
    void aConfiguredBrokerActivatesTheChannel() {
        runner.withPropertyValues("ledger.kafka.bootstrap-servers=localhost:9")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasMessageContaining("kafkaIntake");
                });
    }
}
