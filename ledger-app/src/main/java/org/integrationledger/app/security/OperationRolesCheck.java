package org.integrationledger.app.security;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Refuses to start a ledger with an API operation that {@link OperationRoles} does not name: such an operation would
 * be open to any authenticated caller and would carry no {@code x-required-roles}.
 */
@Component
class OperationRolesCheck implements SmartInitializingSingleton {

    private static final String API = "/api/";

    private final RequestMappingHandlerMapping handlerMapping;

    OperationRolesCheck(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
        this.handlerMapping = handlerMapping;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> unnamed = new ArrayList<>();
        handlerMapping.getHandlerMethods().forEach((mapping, handler) -> {
            for (String path : patterns(mapping)) {
                if (!path.startsWith(API)) {
                    continue;
                }
                for (RequestMethod method : methods(mapping)) {
                    if (OperationRoles.of(method.asHttpMethod(), path).isEmpty()) {
                        unnamed.add(method + " " + path + " (" + handler.getShortLogMessage() + ")");
                    }
                }
            }
        });
        if (!unnamed.isEmpty()) {
            throw new IllegalStateException("API operations without a role in OperationRoles (docs/security.md, "
                    + "\"Roles\"): " + unnamed);
        }
    }

    private static Set<String> patterns(RequestMappingInfo mapping) {
        return mapping.getPatternValues();
    }

    private static Set<RequestMethod> methods(RequestMappingInfo mapping) {
        Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
        // A mapping without a method answers every method: each of them must be named.
        return methods.isEmpty() ? Set.of(RequestMethod.values()) : methods;
    }
}
