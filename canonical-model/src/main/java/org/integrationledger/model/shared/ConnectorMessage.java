package org.integrationledger.model.shared;

import java.time.Instant;

/**
 * What every command a connector sends carries: its own message id (idempotency key), the system that
 * reports the fact, and the business time at which it happened in that system.
 */
public interface ConnectorMessage {

    MessageId messageId();

    SystemId reportingSystem();

    Instant occurredAt();
}
