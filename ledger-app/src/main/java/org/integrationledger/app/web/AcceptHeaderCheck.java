package org.integrationledger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.model.shared.ErrorCode;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses an {@code Accept} header that is not a list of media types with {@code 400 malformed-request}. Spring MVC
 * would otherwise write no body at all for such a request, not even its problem document, since it cannot tell
 * which representations the client takes.
 */
class AcceptHeaderCheck extends OncePerRequestFilter {

    private final HeaderContentNegotiationStrategy negotiation = new HeaderContentNegotiationStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            negotiation.resolveMediaTypes(new ServletWebRequest(request));
        } catch (HttpMediaTypeNotAcceptableException unreadable) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.getOutputStream().write(ProblemJson.of(HttpServletResponse.SC_BAD_REQUEST,
                    ErrorCode.MALFORMED_REQUEST, "the Accept header is not a list of media types"));
            return;
        }
        chain.doFilter(request, response);
    }
}
