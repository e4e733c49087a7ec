package org.integrationledger.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.LedgerMetadata;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Times every command by the connector that sent it ({@code ledger.connector.commands}, tags connector, command,
 * outcome): the rate is the timer's count, errors are the outcomes {@code rejected} (a business rule said no)
 * and {@code failed} (anything else). Commands the ledger sends itself count as connector {@code ledger}.
 */
@Component
class ConnectorCommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>>, InitializingBean {

    static final String METER = "ledger.connector.commands";

    private final MeterRegistry registry;
    private final ObjectProvider<CommandBus> commandBus;

    ConnectorCommandMetrics(MeterRegistry registry, ObjectProvider<CommandBus> commandBus) {
        this.registry = registry;
        this.commandBus = commandBus;
    }

    @Override
    public void afterPropertiesSet() {
        commandBus.ifAvailable(bus -> bus.registerHandlerInterceptor(this));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object connector = command.getMetaData().get(LedgerMetadata.CONNECTOR_ID);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            return chain.proceed();
        } catch (Exception e) {
            outcome = e instanceof RuleViolation ? "rejected" : "failed";
            throw e;
        } finally {
            sample.stop(Timer.builder(METER)
                    .description("Commands handled, by connector, command and outcome")
                    .tag("connector", connector == null ? "ledger" : connector.toString())
                    .tag("command", command.getPayloadType().getSimpleName())
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }
}
