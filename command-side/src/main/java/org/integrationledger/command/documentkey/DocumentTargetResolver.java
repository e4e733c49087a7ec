package org.integrationledger.command.documentkey;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.integrationledger.model.shared.DocumentKind;

import javax.annotation.Nonnull;

/**
 * Resolves a command's {@code @TargetAggregateIdentifier} (the business id) to the stored key of the document of
 * one type, {@code purchase-order:COLL-1}, so a purchase order, an invoice and a supplier with the same id are
 * three aggregates. Each such aggregate names its resolver in {@code @Aggregate(commandTargetResolver = ...)} and
 * reports the same key from its {@code @AggregateIdentifier} method.
 */
public final class DocumentTargetResolver implements CommandTargetResolver {

    private final DocumentKind kind;
    private final CommandTargetResolver businessIds = AnnotationCommandTargetResolver.builder().build();

    public DocumentTargetResolver(DocumentKind kind) {
        this.kind = kind;
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(@Nonnull CommandMessage<?> command) {
        VersionedAggregateIdentifier target = businessIds.resolveTarget(command);
        return new VersionedAggregateIdentifier(kind.key(target.getIdentifier()), target.getVersion());
    }
}
