package org.integrationledger.app.intake;

/**
 * A message that names no known command or document, or whose body is not JSON at all: there is no message id to
 * answer under, so a channel parks it (Kafka: the dead-letter topic) with this reason instead of an outcome.
 */
public class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String reason) {
        super(reason);
    }

    UnreadableMessage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
