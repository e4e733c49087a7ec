package org.integrationledger.app.benchmark;

import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A run id already loaded: its documents exist, and appending them again would break their sequences. */
class BulkLoadRunExists extends ErrorResponseException {

    BulkLoadRunExists(String runId) {
        super(HttpStatus.CONFLICT, problem(runId), null);
    }

    private static ProblemDetail problem(String runId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "run " + runId
                + " was already loaded; choose another runId");
        ErrorCode code = ErrorCode.BULK_LOAD_RUN_EXISTS;
        problem.setType(URI.create(code.problemType()));
        problem.setTitle(code.code());
        problem.setProperty("code", code.code());
        return problem;
    }
}
