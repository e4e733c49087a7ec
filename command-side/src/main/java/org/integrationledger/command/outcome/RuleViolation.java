package org.integrationledger.command.outcome;

import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Rejection;

/** A command broke a business rule; carries the stable code the connector receives. Nothing is recorded. */
public class RuleViolation extends RuntimeException {

    private final transient Rejection rejection;

    public RuleViolation(ErrorCode code, String detail) {
        super(detail);
        this.rejection = new Rejection(code, detail);
    }

    public Rejection rejection() {
        return rejection;
    }
}
