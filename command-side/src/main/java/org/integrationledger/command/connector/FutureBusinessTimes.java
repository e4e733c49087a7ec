package org.integrationledger.command.connector;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.model.shared.ConnectorMessage;

/**
 * Applies the {@link BusinessTimeHorizon} to every connector message before its id is claimed, so a refused message
 * leaves no trace and a corrected resend with the same id is accepted.
 */
class FutureBusinessTimes implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final BusinessTimeHorizon horizon;

    FutureBusinessTimes(BusinessTimeHorizon horizon) {
        this.horizon = horizon;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ConnectorMessage message) {
            horizon.check(message);
        }
        return interceptorChain.proceed();
    }
}
