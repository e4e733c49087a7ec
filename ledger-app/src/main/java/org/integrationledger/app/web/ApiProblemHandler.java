package org.integrationledger.app.web;

import org.integrationledger.command.connector.ConnectorProblemHandler;
import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Problem details for errors no feature handles itself (malformed JSON, bodies outside the contract's limits,
 * failed Bean Validation, bad parameters, unknown routes, unexpected failures), each with a stable {@code code}
 * like the features' own.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    /**
     * What a client is told to wait after {@code 503 database-unavailable}: a restarted PostgreSQL accepts
     * connections again within seconds, and the pool reconnects on the next request.
     */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectProvider<DataSource> dataSource;

    ApiProblemHandler(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @ExceptionHandler(ContractViolation.class)
    ResponseEntity<Object> contractViolated(ContractViolation violation, WebRequest request) {
        ResponseEntity<ProblemDetail> problem = ConnectorProblemHandler.problem(violation);
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> invalidValue(IllegalArgumentException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, e.getMessage(), null);
    }

    @ExceptionHandler(PathIdCheck.InvalidPathId.class)
    ResponseEntity<Object> invalidPathId(PathIdCheck.InvalidPathId e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_ID, e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        // Some failures lose their cause on the way out (a transaction rolled back after a swallowed error reports
        // only that); while the database cannot be reached, they are the outage too, and the client may retry.
        boolean outage = DatabaseOutage.isCauseOf(e);
        if (outage || !databaseReachable()) {
            if (outage) {
                // Every request fails the same way while it lasts: one line each, not a stack trace each.
                log.warn("PostgreSQL unreachable handling {}: {}", request.getDescription(false), e.toString());
            } else {
                log.warn("Failure handling {} while PostgreSQL is unreachable", request.getDescription(false), e);
            }
            ResponseEntity<Object> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorCode.DATABASE_UNAVAILABLE, "the ledger's database cannot be reached; retry later (a "
                            + "connector's retry with the same messageId is recorded at most once)", null);
            return ResponseEntity.status(unavailable.getStatusCode()).header(HttpHeaders.RETRY_AFTER,
                    RETRY_AFTER_SECONDS).body(unavailable.getBody());
        }
        log.error("Unexpected failure handling {}", request.getDescription(false), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "the ledger failed unexpectedly; nothing was recorded for this request", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> fieldErrors = e.getBindingResult().getFieldErrors();
        List<Map<String, String>> errors = fieldErrors.stream()
                .map(ApiProblemHandler::describe)
                .toList();
        // Every @Size of a request body is a maximum (texts and lists have @NotBlank / @NotEmpty for the minimum).
        if (!fieldErrors.isEmpty() && fieldErrors.stream().allMatch(error -> "Size".equals(error.getCode()))) {
            ResponseEntity<Object> tooLarge = problem(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.LIMIT_EXCEEDED,
                    "the request body exceeds a documented limit", errors);
            ((ProblemDetail) tooLarge.getBody()).setProperty("pointer", errors.get(0).get("pointer"));
            return tooLarge;
        }
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "the request body is invalid", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "the request is invalid", null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ContractViolation violation = RequestBodyRefusals.violationOf(e);
        if (violation != null) {
            return contractViolated(violation, request);
        }
        String detail = e.getMostSpecificCause() instanceof IllegalArgumentException invalid
                ? invalid.getMessage()
                : "the request body is not valid JSON of the expected shape";
        ErrorCode code = e.getMostSpecificCause() instanceof IllegalArgumentException
                ? ErrorCode.VALIDATION_FAILED : ErrorCode.MALFORMED_REQUEST;
        ResponseEntity<Object> malformed = problem(HttpStatus.BAD_REQUEST, code, detail, null);
        String pointer = RequestBodyRefusals.pointerOf(e);
        if (!pointer.isEmpty()) {
            ((ProblemDetail) malformed.getBody()).setProperty("pointer", pointer);
        }
        return malformed;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            ErrorCode code = status.value() == 400 ? ErrorCode.VALIDATION_FAILED : ErrorCode.REQUEST_NOT_SUPPORTED;
            problem.setProperty("code", code.code());
            problem.setTitle(code.code());
            problem.setType(URI.create(code.problemType()));
        }
        return response;
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(), "pointer", RequestBodyRefusals.pointerOf(error.getField()),
                "message", String.valueOf(error.getDefaultMessage()));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, ErrorCode code, String detail,
                                                  List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(code.problemType()));
        problem.setTitle(code.code());
        problem.setProperty("code", code.code());
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** Asks the pool for a connection (at most its connection timeout) only after a failure nothing else explained. */
    private boolean databaseReachable() {
        DataSource source = dataSource.getIfAvailable();
        if (source == null) {
            return true;
        }
        try (Connection connection = source.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }
}
