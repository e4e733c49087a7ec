package org.integrationledger.app.contract;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.model.contract.DeprecatedOperation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts {@code Deprecation} and {@code Sunset} on every answer of an operation marked {@link DeprecatedOperation},
 * before the handler runs, so refusals (problem details) carry them as well.
 */
final class DeprecationHeaders implements HandlerInterceptor {

    private final Map<Method, Optional<Sunsetting>> byMethod = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            byMethod.computeIfAbsent(method.getMethod(), DeprecationHeaders::sunsetting).ifPresent(sunsetting -> {
                response.setHeader("Deprecation", sunsetting.deprecationHeader());
                response.setHeader("Sunset", sunsetting.sunsetHeader());
            });
        }
        return true;
    }

    private static Optional<Sunsetting> sunsetting(Method method) {
        return Optional.ofNullable(method.getAnnotation(DeprecatedOperation.class)).map(Sunsetting::of);
    }
}
