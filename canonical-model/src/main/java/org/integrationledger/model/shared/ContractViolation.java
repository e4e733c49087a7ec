package org.integrationledger.model.shared;

/**
 * A message that breaks a limit or a shape rule of the contract (docs/canonical-model.md, "Limits and refusals"),
 * with the stable code and the JSON pointer of the field at fault, for example {@code /lines/3/lineNumber}.
 */
public class ContractViolation extends IllegalArgumentException {

    private final ErrorCode code;
    private final String pointer;

    public ContractViolation(ErrorCode code, String pointer, String detail) {
        super(detail);
        this.code = Checks.required(code, "code");
        this.pointer = pointer == null ? "" : pointer;
    }

    public ErrorCode code() {
        return code;
    }

    /** The JSON pointer (RFC 6901) of the field at fault; empty for the body as a whole. */
    public String pointer() {
        return pointer;
    }
}
