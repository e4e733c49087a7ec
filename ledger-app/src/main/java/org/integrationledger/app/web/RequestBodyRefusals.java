package org.integrationledger.app.web;

import org.integrationledger.model.shared.ContractLimits;
import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigInteger;
import java.util.Set;

/**
 * Names what a strictly read body broke (docs/canonical-model.md, "Limits and refusals"): the stable code and the
 * JSON pointer of the field at fault, read from Jackson's exception rather than from the client's text, so a
 * problem never echoes more than a few dozen characters of the body.
 */
public final class RequestBodyRefusals {

    private static final Set<Class<?>> INTEGERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, BigInteger.class);
    /** Jackson's wording for {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}; RequestShapeIntegrationTest pins it. */
    private static final String DUPLICATE_PROPERTY = "Duplicate Object property";

    private RequestBodyRefusals() {
    }

    /** The contract rule the body broke, or null if it is malformed in some other way. */
    public static ContractViolation violationOf(HttpMessageNotReadableException e) {
        return violationOf((Throwable) e);
    }

    /** The contract rule a body read by the strict mapper broke, or null if it is malformed in some other way. */
    public static ContractViolation violationOf(Throwable e) {
        JacksonException jackson = find(e, JacksonException.class);
        String pointer = jackson == null ? "" : pointerOf(jackson);
        ContractViolation violation = find(e, ContractViolation.class);
        if (violation != null) {
            return violation.pointer().isEmpty() && !pointer.isEmpty()
                    ? new ContractViolation(violation.code(), pointer, violation.getMessage()) : violation;
        }
        if (jackson instanceof UnrecognizedPropertyException) {
            return new ContractViolation(ErrorCode.UNKNOWN_FIELD, pointer, "the contract (v1) has no field "
                    + pointer + "; send only the fields it defines (docs/canonical-model.md)");
        }
        if (jackson instanceof StreamConstraintsException limit) {
            return new ContractViolation(ErrorCode.LIMIT_EXCEEDED, pointer, ContractLimits.echo(
                    String.valueOf(limit.getOriginalMessage())).replace("...", "") + " (nesting at most "
                    + ContractLimits.MAX_NESTING_DEPTH + " levels, field names at most "
                    + ContractLimits.MAX_FIELD_NAME_LENGTH + " characters)");
        }
        if (jackson instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith(DUPLICATE_PROPERTY)) {
            String at = pointer.isEmpty() ? parserPointer(read) : pointer;
            return new ContractViolation(ErrorCode.DUPLICATE_FIELD, at, "a field is given twice in the object at '"
                    + at + "'; each field may appear once");
        }
        if (jackson instanceof InputCoercionException coercion && INTEGERS.contains(coercion.getTargetType())) {
            return new ContractViolation(ErrorCode.NUMBER_OUT_OF_RANGE, pointer, "the integer is out of range");
        }
        if (jackson instanceof MismatchedInputException mismatch && INTEGERS.contains(mismatch.getTargetType())) {
            return new ContractViolation(ErrorCode.INVALID_NUMBER, pointer, "an integer is expected (1, not 1.0, "
                    + "1.5 or \"1\")");
        }
        return null;
    }

    /** The JSON pointer of the field a body could not be read at, or empty if it is the body as a whole. */
    static String pointerOf(HttpMessageNotReadableException e) {
        return pointerOf((Throwable) e);
    }

    /** The JSON pointer of the field a body could not be read at, or empty if it is the body as a whole. */
    public static String pointerOf(Throwable e) {
        JacksonException jackson = find(e, JacksonException.class);
        return jackson == null ? "" : pointerOf(jackson);
    }

    /** The JSON pointer of a Spring binding path: {@code lines[0].description} is {@code /lines/0/description}. */
    public static String pointerOf(String field) {
        return "/" + field.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }

    private static String pointerOf(JacksonException e) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            pointer.append('/');
            if (reference.getPropertyName() != null) {
                pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String parserPointer(StreamReadException e) {
        JsonParser parser = e.processor();
        return parser == null ? "" : parser.streamReadContext().pathAsPointer().toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
