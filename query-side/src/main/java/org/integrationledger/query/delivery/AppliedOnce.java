package org.integrationledger.query.delivery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection (a {@code @ProcessingGroup} class) whose event handlers must apply each event of a document at
 * most once: a redelivered event, one at or below the highest sequence number of its document the processing group
 * has applied, changes nothing (docs/architecture.md, "Exactly once in the views"). Axon's pooled processors
 * deliver an event again in some failure modes, and its dead-letter queue is at-least-once; a counter such as
 * {@code event_count} would count it twice.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AppliedOnce {
}
