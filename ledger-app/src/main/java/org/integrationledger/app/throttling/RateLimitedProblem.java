package org.integrationledger.app.throttling;

import org.integrationledger.model.shared.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Answers a throttled request {@code 429 rate-limited} with {@code Retry-After}, as every API error: a problem. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitedProblem {

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimited e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "this API key is over its request limit; nothing was recorded; retry after the time in Retry-After");
        problem.setType(URI.create(ErrorCode.RATE_LIMITED.problemType()));
        problem.setTitle(ErrorCode.RATE_LIMITED.code());
        problem.setProperty("code", ErrorCode.RATE_LIMITED.code());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }
}
