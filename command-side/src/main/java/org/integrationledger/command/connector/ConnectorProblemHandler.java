package org.integrationledger.command.connector;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.integrationledger.command.CommandSideConfiguration;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Turns the command side's rejections into {@code application/problem+json} with a stable {@code code}. */
// Ahead of the application's catch-all handler, which would otherwise answer these as internal errors.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = CommandSideConfiguration.class)
public class ConnectorProblemHandler {

    /** Builds a problem detail carrying the stable code, as every ledger error does. */
    public static ResponseEntity<ProblemDetail> problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(RejectionStatus.of(code), detail);
        problem.setType(URI.create(code.problemType()));
        problem.setTitle(code.code());
        problem.setProperty("code", code.code());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** A problem about one field of the body, named by its JSON pointer (RFC 6901) in the {@code pointer} property. */
    public static ResponseEntity<ProblemDetail> problem(ContractViolation violation) {
        ResponseEntity<ProblemDetail> response = problem(violation.code(), violation.getMessage());
        if (!violation.pointer().isEmpty()) {
            response.getBody().setProperty("pointer", violation.pointer());
        }
        return response;
    }

    @ExceptionHandler(ContractViolation.class)
    ResponseEntity<ProblemDetail> contractViolated(ContractViolation violation) {
        return problem(violation);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation) {
        return problem(violation.rejection().code(), violation.rejection().detail());
    }

    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class,
            AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrentChange(Exception e) {
        return problem(ErrorCode.CONCURRENCY_CONFLICT, "the document was changed concurrently (" + e.getMessage()
                + "); read it again and resend");
    }
}
