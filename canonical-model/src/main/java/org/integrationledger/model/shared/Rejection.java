package org.integrationledger.model.shared;

/**
 * Why a command was refused: a stable code plus a human-readable detail. It crosses the command bus as
 * the details of a command execution exception, so a remote command side reports the same code.
 */
public record Rejection(ErrorCode code, String detail) {

    public Rejection {
        Checks.required(code, "code");
        Checks.required(detail, "detail");
    }
}
