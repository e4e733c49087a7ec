package org.integrationledger.app.web;

import org.integrationledger.model.shared.ErrorCode;

import java.nio.charset.StandardCharsets;

/**
 * The problem document written where no Spring message converter runs (a servlet filter, Tomcat's error report):
 * the same fields as Spring's {@code ProblemDetail} with the ledger's {@code code}.
 */
final class ProblemJson {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    static byte[] of(int status, ErrorCode code, String detail) {
        return ("{\"type\":\"" + code.problemType() + "\",\"title\":\"" + code.code() + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\",\"code\":\"" + code.code() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
