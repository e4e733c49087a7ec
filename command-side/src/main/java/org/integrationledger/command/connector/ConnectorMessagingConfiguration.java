package org.integrationledger.command.connector;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.integrationledger.model.shared.LedgerMetadata;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** Wires idempotency into the command bus and carries the audit metadata from commands onto their events. */
@Configuration(proxyBeanMethods = false)
class ConnectorMessagingConfiguration {

    @Bean
    InitializingBean messageIdempotencyOnCommandBus(CommandBus commandBus, JdbcTemplate jdbc, Serializer serializer,
                                                    Clock clock, BusinessTimeProperties businessTime) {
        // The bus starts the transaction before its handler interceptors run, so the claim of the message id
        // commits or rolls back together with the events.
        return () -> {
            commandBus.registerHandlerInterceptor(new RemoteRejections());
            commandBus.registerHandlerInterceptor(new FutureBusinessTimes(
                    new BusinessTimeHorizon(clock, businessTime.maxAhead())));
            commandBus.registerHandlerInterceptor(new MessageIdempotency(jdbc, serializer));
        };
    }

    /** Axon's "correlation" key holds the direct parent and its "trace" key the root; ours are named for that. */
    @Bean
    CorrelationDataProvider causationAndCorrelation() {
        return new MessageOriginProvider(LedgerMetadata.CAUSATION_ID, LedgerMetadata.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider connectorIdentity() {
        return new SimpleCorrelationDataProvider(LedgerMetadata.CONNECTOR_ID, LedgerMetadata.MESSAGE_ID,
                LedgerMetadata.REPORTING_SYSTEM);
    }
}
