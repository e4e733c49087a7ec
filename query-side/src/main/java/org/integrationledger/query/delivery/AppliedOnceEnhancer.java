package org.integrationledger.query.delivery;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import javax.annotation.Nonnull;

/**
 * Wraps the event handlers of every {@link AppliedOnce} projection: a document event its processing group has
 * applied already is not handed to the handler, and one the handler has applied advances the document's position
 * in the same unit of work (so in the same transaction as the view rows and the token). The check sits on the
 * handler itself rather than on the processor, so a retry from the dead-letter queue passes it too, and an event
 * the handler throws on (parked, or retried) never counts as applied. A reset handler also forgets the group's
 * positions, because the replay that follows applies every event again to emptied tables.
 */
@Component
class AppliedOnceEnhancer implements HandlerEnhancerDefinition {

    private final ObjectProvider<AppliedPositions> positions;

    AppliedOnceEnhancer(ObjectProvider<AppliedPositions> positions) {
        this.positions = positions;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        Class<?> declaring = declaringClassOf(original);
        if (declaring == null || !declaring.isAnnotationPresent(AppliedOnce.class)) {
            return original;
        }
        ProcessingGroup group = declaring.getAnnotation(ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(declaring.getName() + " is @AppliedOnce but names no @ProcessingGroup");
        }
        if (original.hasAnnotation(ResetHandler.class)) {
            return new Guarded<>(original, group.value(), true);
        }
        if (original.hasAnnotation(EventHandler.class)) {
            return new Guarded<>(original, group.value(), false);
        }
        return original;
    }

    private static Class<?> declaringClassOf(MessageHandlingMember<?> member) {
        try {
            return member.declaringClass();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** An event handler that skips what its group applied already, or a reset handler that forgets it all. */
    private final class Guarded<T> extends WrappedMessageHandlingMember<T> {

        private final String processingGroup;
        private final boolean reset;

        Guarded(MessageHandlingMember<T> delegate, String processingGroup, boolean reset) {
            super(delegate);
            this.processingGroup = processingGroup;
            this.reset = reset;
        }

        @Override
        public Object handle(@Nonnull Message<?> message, T target) throws Exception {
            if (reset) {
                Object result = super.handle(message, target);
                positions.getObject().forget(processingGroup);
                return result;
            }
            // Outside a unit of work (a test calling the handler directly) there is no transaction to join.
            if (!(message instanceof DomainEventMessage<?> event) || !CurrentUnitOfWork.isStarted()) {
                return super.handle(message, target);
            }
            AppliedPositions.Batch batch = positions.getObject()
                    .batch(processingGroup, CurrentUnitOfWork.get().root());
            if (batch.appliedAlready(event)) {
                return null;
            }
            Object result = super.handle(message, target);
            batch.applied(event);
            return result;
        }
    }
}
