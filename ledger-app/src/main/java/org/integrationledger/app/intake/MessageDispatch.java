package org.integrationledger.app.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.integrationledger.app.web.PathIdCheck;
import org.integrationledger.app.web.RequestBodyConfiguration;
import org.integrationledger.app.web.RequestBodyRefusals;
import org.integrationledger.app.web.StrictUtf8;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records one connector message that did not come as its own HTTP request, by the HTTP path's rules: the document
 * id's shape, the strict JSON reading, Bean Validation, then the endpoint itself (reporting system, permission,
 * idempotency, the command). A refusal becomes a {@link MessageOutcome} with the code the problem document would
 * carry. An unexpected failure (PostgreSQL unreachable) is thrown, so the channel delivers the message again.
 */
@Component
public class MessageDispatch {

    /** The most messages recorded in one transaction: a batch's limit, and a Kafka poll's share of one commit. */
    public static final int GROUP_LIMIT = MessageBatch.MAX_MESSAGES;

    private static final Logger log = LoggerFactory.getLogger(MessageDispatch.class);

    private final RequestMappingHandlerMapping mappings;
    private final JsonMapper strict;
    private final JsonMapper lenient = JsonMapper.builder().build();
    private final Validator validator;
    private final GroupCommit groupCommit;
    private final Savepoints savepoints;
    private volatile ConnectorEndpoints endpoints;

    MessageDispatch(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
                    ObjectProvider<JsonMapperBuilderCustomizer> customizers, Validator validator,
                    GroupCommit groupCommit, DataSource dataSource) {
        this.mappings = mappings;
        this.strict = RequestBodyConfiguration.strictMapper(customizers);
        this.validator = validator;
        this.groupCommit = groupCommit;
        // Inside a group's transaction: a failure of one message rolls back to here, whatever statement failed.
        this.savepoints = new Savepoints(dataSource);
    }

    /**
     * Records the message as {@code connector} (an authentication that carries the connector's id as its name
     * and one {@code SYSTEM_<id>} authority per system it may report for, as an API key's does).
     *
     * @throws UnreadableMessage when the message names no known command or document or its body is not JSON
     */
    public MessageOutcome dispatch(Submission message, Authentication connector) {
        ConnectorEndpoints.Endpoint endpoint = endpoints().find(message.command())
                .orElseThrow(() -> new UnreadableMessage(ErrorCode.REQUEST_NOT_SUPPORTED, "unknown command '"
                        + message.command() + "'; one of " + endpoints().commands() + " is expected"));
        if (message.documentId() == null || message.documentId().isBlank()) {
            throw new UnreadableMessage(ErrorCode.MALFORMED_REQUEST, "no document id for command "
                    + message.command());
        }
        String messageId = messageIdOf(message);
        try {
            PathIdCheck.check(endpoint.idVariable(), message.documentId());
            Object body = read(message, endpoint.bodyType());
            Object answer = as(connector, () -> endpoint.call(message.documentId(), body, message.correlationId()));
            CommandOutcome outcome = (CommandOutcome) answer;
            return new MessageOutcome(messageId, message.command(), outcome.documentId(),
                    outcome.replayed() ? MessageOutcome.Status.REPLAYED : MessageOutcome.Status.RECORDED,
                    outcome.ledgerVersion(), outcome.recorded(), null, null, null);
        } catch (Refused refused) {
            return MessageOutcome.rejected(messageId, message.command(), message.documentId(), refused.code.code(),
                    refused.getMessage(), refused.pointer);
        } catch (PathIdCheck.InvalidPathId e) {
            return MessageOutcome.rejected(messageId, message.command(), message.documentId(),
                    ErrorCode.INVALID_ID.code(), e.getMessage(), null);
        } catch (RuleViolation violation) {
            return MessageOutcome.rejected(messageId, message.command(), message.documentId(),
                    violation.rejection().code().code(), violation.rejection().detail(), null);
        } catch (ContractViolation violation) {
            return MessageOutcome.rejected(messageId, message.command(), message.documentId(),
                    violation.code().code(), violation.getMessage(), violation.pointer());
        } catch (ConflictingModificationException | ConcurrencyException | AggregateStreamCreationException e) {
            return MessageOutcome.rejected(messageId, message.command(), message.documentId(),
                    ErrorCode.CONCURRENCY_CONFLICT.code(), "the document was changed concurrently ("
                            + e.getMessage() + "); read it again and resend", null);
        } catch (IllegalArgumentException e) {
            return MessageOutcome.rejected(messageId, message.command(), message.documentId(),
                    ErrorCode.VALIDATION_FAILED.code(), e.getMessage(), null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("recording " + message.command() + " " + message.documentId()
                    + " failed", e);
        }
    }

    /**
     * Records a batch's messages (each under the batch's connector) and answers their outcomes in order; a message
     * that cannot be read is answered as refused with its code. See {@link #dispatchAll} for the transactions.
     *
     * @throws ContractViolation when the batch itself is not readable (then nothing is recorded)
     */
    public List<MessageOutcome> dispatchBatch(byte[] batch, Authentication connector) {
        List<Submission> messages = MessageBatch.read(batch, strict);
        List<Dispatched> answers = dispatchAll(messages.stream().map(m -> new Addressed(m, connector)).toList());
        List<MessageOutcome> outcomes = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            Dispatched answer = answers.get(i);
            Submission message = messages.get(i);
            outcomes.add(answer.outcome() != null ? answer.outcome() : MessageOutcome.rejected(null,
                    message.command(), message.documentId(), answer.unreadable().code().code(),
                    answer.unreadable().getMessage(), null));
        }
        return outcomes;
    }

    /**
     * Records messages in order, by group commit: up to {@value #GROUP_LIMIT} at a time in one transaction, each in a
     * savepoint of it, so a refused message is rolled back alone and answered with its code while the others share
     * one commit. A message that fails unexpectedly (not a refusal) rolls back to its savepoint; the messages before
     * it commit, it is tried again alone in its own transaction, and the rest form the next group. If it fails alone
     * too, the failure is thrown: the messages answered before stay recorded, and a redelivery answers them
     * {@code REPLAYED}. If a group's commit fails, nothing of it is recorded and its messages are recorded one at a
     * time. Answers come in the messages' order; a single message is its own transaction, as over HTTP.
     */
    public List<Dispatched> dispatchAll(List<Addressed> messages) {
        List<Dispatched> answers = new ArrayList<>(messages.size());
        int next = 0;
        while (next < messages.size()) {
            List<Addressed> group = messages.subList(next, Math.min(messages.size(), next + GROUP_LIMIT));
            List<Dispatched> committed;
            if (group.size() == 1) {
                committed = List.of(dispatchAlone(group.get(0)));
            } else {
                try {
                    committed = dispatchTogether(group);
                } catch (RuntimeException failedCommit) {
                    // Nothing of the group is recorded: its messages go one at a time.
                    log.warn("A group of {} connector messages was rolled back; recording them one at a time",
                            group.size(), failedCommit);
                    groupCommit.countFallback();
                    committed = group.stream().map(this::dispatchAlone).toList();
                }
            }
            answers.addAll(committed);
            next += committed.size();
            if (committed.size() < group.size()) {
                // The message after the committed ones failed in the group: once more, alone.
                groupCommit.countFallback();
                answers.add(dispatchAlone(messages.get(next)));
                next++;
            }
        }
        return answers;
    }

    /** The group's messages up to the first that fails unexpectedly, committed in one transaction. */
    private List<Dispatched> dispatchTogether(List<Addressed> group) {
        return groupCommit.inOneTransaction(() -> {
            List<Dispatched> answers = new ArrayList<>(group.size());
            for (Addressed message : group) {
                try {
                    answers.add(savepoints.inSavepoint(() -> dispatchAlone(message)));
                } catch (RuntimeException unexpected) {
                    log.warn("Connector message {} {} failed in a group; it is tried again in its own transaction",
                            message.message().command(), message.message().documentId(), unexpected);
                    break;
                }
            }
            return answers;
        });
    }

    private Dispatched dispatchAlone(Addressed message) {
        try {
            return new Dispatched(dispatch(message.message(), message.connector()), null);
        } catch (UnreadableMessage unreadable) {
            return new Dispatched(null, unreadable);
        }
    }

    /** A message and the connector it counts under (an authentication as {@link #dispatch} takes it). */
    public record Addressed(Submission message, Authentication connector) {
    }

    /** What became of a message: its outcome, or, when it could not be read at all, why (then no outcome). */
    public record Dispatched(MessageOutcome outcome, UnreadableMessage unreadable) {
    }

    /** The body's message id, read leniently: an outcome is keyed by it even when the body breaks the contract. */
    private String messageIdOf(Submission message) {
        if (message.body() == null || !StrictUtf8.isValid(message.body())) {
            throw new UnreadableMessage(ErrorCode.MALFORMED_REQUEST, "the body is not well-formed UTF-8 JSON");
        }
        JsonNode tree;
        try {
            tree = lenient.readTree(message.body());
        } catch (JacksonException e) {
            throw new UnreadableMessage(ErrorCode.MALFORMED_REQUEST, "the body is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new UnreadableMessage(ErrorCode.MALFORMED_REQUEST, "the body is not a JSON object");
        }
        JsonNode id = tree.get("messageId");
        return id != null && id.isString() ? id.asString() : null;
    }

    private Object read(Submission message, Class<?> type) {
        Object body;
        try {
            body = strict.readValue(message.body(), type);
        } catch (JacksonException e) {
            ContractViolation violation = RequestBodyRefusals.violationOf(e);
            if (violation != null) {
                throw new Refused(violation.code(), violation.getMessage(), violation.pointer());
            }
            throw new Refused(ErrorCode.MALFORMED_REQUEST, "the body is not JSON of the expected shape",
                    RequestBodyRefusals.pointerOf(e));
        } catch (ContractViolation violation) {
            throw new Refused(violation.code(), violation.getMessage(), violation.pointer());
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<ConstraintViolation<Object>> sorted = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
            String fields = sorted.stream()
                    .map(v -> RequestBodyRefusals.pointerOf(v.getPropertyPath().toString()) + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            String pointer = RequestBodyRefusals.pointerOf(sorted.get(0).getPropertyPath().toString());
            // As over HTTP: every @Size of a request body is a maximum, so a body failing only those is too large.
            boolean tooLarge = sorted.stream().allMatch(v -> "Size".equals(
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
            throw tooLarge
                    ? new Refused(ErrorCode.LIMIT_EXCEEDED, "the request body exceeds a documented limit: " + fields,
                            pointer)
                    : new Refused(ErrorCode.VALIDATION_FAILED, "the request body is invalid: " + fields, pointer);
        }
        return body;
    }

    private static Object as(Authentication connector, Call call) throws Exception {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(connector);
        SecurityContextHolder.setContext(context);
        try {
            return call.call();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private ConnectorEndpoints endpoints() {
        ConnectorEndpoints known = endpoints;
        if (known == null) {
            // Read on first use: by then every controller is a finished bean.
            known = ConnectorEndpoints.of(mappings);
            endpoints = known;
        }
        return known;
    }

    @FunctionalInterface
    private interface Call {
        Object call() throws Exception;
    }

    /** A refusal found before the endpoint runs, with the code its problem document would carry. */
    private static final class Refused extends RuntimeException {

        private final ErrorCode code;
        private final String pointer;

        Refused(ErrorCode code, String detail, String pointer) {
            super(detail);
            this.code = code;
            this.pointer = pointer;
        }
    }
}
