package org.integrationledger.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.ExceptionUtils;
import org.integrationledger.model.shared.ErrorCode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a request that failed without an answer: what the connector refuses before any servlet
 * runs (an undecodable or encoded-slash path, a malformed request line or header), what Spring Security's firewall
 * refuses ({@code ..;}, {@code ;jsessionid}, CR LF), and failures no handler answered. Written as problem+json with
 * a stable code in place of Tomcat's HTML page; the detail is a fixed text, never the rejected input.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own reports: only an error that nothing has answered yet, and only while the socket is usable.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(ProblemJson.of(status, codeOf(status), detailOf(status)));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            ExceptionUtils.handleThrowable(e);
        }
    }

    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 400 -> ErrorCode.REQUEST_REJECTED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            // 501 and 505 are the client's (a method or protocol version the server does not speak).
            case 501, 505 -> ErrorCode.REQUEST_NOT_SUPPORTED;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.REQUEST_NOT_SUPPORTED;
        };
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "the request was refused before it reached the API: its path, request line or headers are "
                    + "malformed or not allowed (encoded slash or backslash, NUL or control characters, invalid "
                    + "percent-encoding or UTF-8, dot segments, path parameters such as ;jsessionid, unknown method)";
            case 413 -> "the request body is larger than the ledger accepts";
            case 500 -> "the ledger failed unexpectedly; nothing was recorded for this request";
            default -> "the request is not supported (HTTP status " + status + ")";
        };
    }
}
