package org.integrationledger.command.connector;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageRetentionTest {

    @Test
    void refusesARetentionShorterThanTheDuplicateWindow() {
        assertThatThrownBy(() -> new MessageRetention(null, new MessageRetentionProperties(Duration.ofDays(3), null,
                null), Duration.ofDays(7)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.connectors.message-retention (PT72H)")
                .hasMessageContaining("duplicate-suspicion-window (PT168H)");
    }

    @Test
    void acceptsARetentionAsLongAsTheDuplicateWindow() {
        assertThatCode(() -> new MessageRetention(null, new MessageRetentionProperties(Duration.ofDays(7), null,
                null), Duration.ofDays(7))).doesNotThrowAnyException();
    }

    @Test
    void keepsMessagesNinetyDaysByDefault() {
        MessageRetentionProperties defaults = new MessageRetentionProperties(null, null, null);
        assertThat(defaults.messageRetention()).isEqualTo(Duration.ofDays(90));
    }
}
