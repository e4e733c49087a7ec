package org.integrationledger.command.connector;

import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** The HTTP status each rejection code is answered with: the one the code itself names in the contract. */
final class RejectionStatus {

    private RejectionStatus() {
    }

    static HttpStatus of(ErrorCode code) {
        return HttpStatus.valueOf(code.httpStatus());
    }
}
