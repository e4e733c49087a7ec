package org.integrationledger.command.connector;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.command.outcome.RuleViolation;

/**
 * Sends a rule violation back as the details of a {@link CommandExecutionException}, the one form that
 * survives a distributed command bus (Axon Server), so a remote command side answers the same stable code.
 */
class RemoteRejections implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), null, violation.rejection());
        }
    }
}
