package org.integrationledger.query;

import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Problem details of the query API, with the same {@code code} convention as the command side. */
public final class QueryProblems {

    private QueryProblems() {
    }

    public static ErrorResponseException notFound(ErrorCode code, String detail) {
        return problem(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ErrorResponseException badRequest(ErrorCode code, String detail) {
        return problem(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ErrorResponseException conflict(ErrorCode code, String detail) {
        return problem(HttpStatus.CONFLICT, code, detail);
    }

    private static ErrorResponseException problem(HttpStatus status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(code.problemType()));
        problem.setTitle(code.code());
        problem.setProperty("code", code.code());
        return new ErrorResponseException(status, problem, null);
    }
}
