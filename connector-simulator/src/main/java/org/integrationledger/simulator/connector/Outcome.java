package org.integrationledger.simulator.connector;

import org.integrationledger.model.shared.ErrorCode;

import java.util.Arrays;

/**
 * What became of one message, whatever the channel carried it: the HTTP status it stands for (200 for recorded or
 * replayed, a rejection's error-code status, -1 when no answer came), whether it was answered from an earlier
 * delivery of its message id, and the answer as received, for a report of the unexpected.
 */
public record Outcome(int status, boolean replayed, String body) {

    /** The answer of a single HTTP request. */
    static Outcome of(LedgerClient.Answer answer) {
        return new Outcome(answer.status(), answer.status() == 200 && answer.body().contains("\"replayed\":true"),
                answer.body());
    }

    /** A batch or outcome-topic outcome: its {@code status} (RECORDED, REPLAYED, REJECTED) and rejection code. */
    static Outcome of(String status, String code, String body) {
        return switch (status) {
            case "RECORDED" -> new Outcome(200, false, body);
            case "REPLAYED" -> new Outcome(200, true, body);
            case "REJECTED" -> new Outcome(httpStatusOf(code), false, body);
            default -> new Outcome(-1, false, "unknown outcome status " + status + ": " + body);
        };
    }

    /** No answer: the transport failed or the outcome did not arrive in time. */
    static Outcome failed(String reason) {
        return new Outcome(-1, false, reason);
    }

    private static int httpStatusOf(String code) {
        return Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).findFirst()
                .map(ErrorCode::httpStatus).orElse(400);
    }
}
