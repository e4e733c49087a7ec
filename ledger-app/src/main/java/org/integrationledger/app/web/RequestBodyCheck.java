package org.integrationledger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Checks a request body before anything parses it or opens a transaction. Over the limit it is refused with
 * {@code 413 payload-too-large}: by its declared {@code Content-Length}, or, for a body sent without one (chunked),
 * after reading at most one byte past the limit. A JSON body that is not well-formed UTF-8 (RFC 8259 allows no other
 * encoding) is refused with {@code 400 malformed-request}: Jackson decodes overlong forms and encoded surrogates
 * into characters instead of refusing them. A body read here is handed on as the in-memory copy.
 */
class RequestBodyCheck extends OncePerRequestFilter {

    private final long maxBytes;

    RequestBodyCheck(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response);
            return;
        }
        boolean chunked = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        boolean json = isJson(request.getContentType()) && (declared > 0 || chunked);
        if (!json && !chunked) {
            // Tomcat delivers no more than the declared length, so such a body cannot outgrow the check above.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        if (json && !StrictUtf8.isValid(body)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.getOutputStream().write(ProblemJson.of(HttpServletResponse.SC_BAD_REQUEST,
                    ErrorCode.MALFORMED_REQUEST, "the request body is not well-formed UTF-8"));
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException unreadable) {
            // Spring MVC answers it with 415; nothing here will parse the body.
            return false;
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        // The unread rest of the body is not worth reading: the connection ends with this answer.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.getOutputStream().write(ProblemJson.of(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBytes
                        + " bytes, the most the ledger accepts"));
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BufferedInputStream(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class BufferedInputStream extends ServletInputStream {

        private final InputStream body;

        BufferedInputStream(InputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            return body.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return body.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            try {
                return body.available() == 0;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already in memory; read it directly");
        }
    }
}
