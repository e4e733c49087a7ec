package org.integrationledger.app.throttling;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Draws each authenticated API request from its principal's bucket before the handler runs, so a refused request
 * writes nothing. An interceptor rather than a filter: its {@link RateLimited} (and a database outage met while
 * settling the bucket) reach the API's problem handling like any handler's failure.
 */
class ThrottlingInterceptor implements HandlerInterceptor {

    private final PrincipalThrottle throttle;

    ThrottlingInterceptor(PrincipalThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // An asynchronous handler's result comes back through a second dispatch of the same request: one request.
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // Unauthenticated requests never get here (401 first); the open documentation is not an API call.
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            throttle.acquire(authentication.getName());
        }
        return true;
    }
}
