package org.integrationledger.app.observability;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the span of a connector request ({@code /api/v1/...}), so the command Axon dispatches for it, the
 * events it records and the projections that handle them (same trace: {@code distributed-in-same-trace}) hang
 * below it. The business key is the document in the path. With no OpenTelemetry SDK configured (the default)
 * the tracer is a no-op and nothing is recorded or sent.
 */
@Component
class ConnectorRequestTracing extends OncePerRequestFilter {

    private final ObjectProvider<OpenTelemetry> openTelemetry;

    ConnectorRequestTracing(ObjectProvider<OpenTelemetry> openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    private static final Pattern DOCUMENT = Pattern.compile("^/api/v1/([a-z-]+)/([^/]+)(/.*)?$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Span span = openTelemetry.getIfAvailable(GlobalOpenTelemetry::get).getTracer("integration-ledger")
                .spanBuilder(request.getMethod() + " " + request.getRequestURI())
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.getMethod())
                .setAttribute("url.path", request.getRequestURI())
                .startSpan();
        Matcher document = DOCUMENT.matcher(request.getRequestURI());
        if (document.matches()) {
            span.setAttribute(BusinessKeySpanAttributes.ATTRIBUTE, document.group(2));
        }
        try (Scope ignored = span.makeCurrent()) {
            chain.doFilter(request, response);
            span.setAttribute("http.response.status_code", response.getStatus());
            if (response.getStatus() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
        } catch (IOException | ServletException | RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
