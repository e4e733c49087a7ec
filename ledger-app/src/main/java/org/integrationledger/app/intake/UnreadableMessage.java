package org.integrationledger.app.intake;

import org.integrationledger.model.shared.ErrorCode;

/**
 * A message that names no known command or document, or whose body is not JSON at all: there is no message id to
 * answer under. Kafka parks it on the dead-letter topic with this reason; a batch answers it with {@link #code()}.
 */
public class UnreadableMessage extends RuntimeException {

    private final ErrorCode code;

    UnreadableMessage(ErrorCode code, String reason) {
        super(reason);
        this.code = code;
    }

    UnreadableMessage(ErrorCode code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    /** The code HTTP would answer it with: an unknown command is an unknown route, the rest a malformed request. */
    public ErrorCode code() {
        return code;
    }
}
