package org.integrationledger.app.intake;

import org.integrationledger.command.connector.ConnectorCommands;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The connector command endpoints, read from Spring MVC's own mappings, so a message channel can call exactly the
 * code an HTTP request reaches (the request record, its mapping to the canonical command, the reporting-system and
 * permission checks, the follow-ups after a refusal) and no second table of commands can drift from the API.
 * A command is named by its path below {@code /api/v1/} with the document id left out:
 * {@code POST /api/v1/purchase-orders/{purchaseOrderId}/issue} is {@code purchase-orders/issue}.
 */
final class ConnectorEndpoints {

    private static final String API = "/api/v1/";
    private static final String COMMAND_SIDE = "org.integrationledger.command.";

    private final Map<String, Endpoint> byCommand;

    private ConnectorEndpoints(Map<String, Endpoint> byCommand) {
        this.byCommand = byCommand;
    }

    static ConnectorEndpoints of(RequestMappingHandlerMapping mappings) {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getName().startsWith(COMMAND_SIDE)
                    || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith(API) && hasBody(handler.getMethod())) {
                    Endpoint endpoint = Endpoint.of(pattern, handler.createWithResolvedBean());
                    Endpoint clash = endpoints.put(endpoint.command(), endpoint);
                    if (clash != null) {
                        throw new IllegalStateException("two endpoints are command " + endpoint.command() + ": "
                                + clash.pattern() + " and " + pattern);
                    }
                }
            }
        }
        return new ConnectorEndpoints(endpoints);
    }

    Optional<Endpoint> find(String command) {
        return Optional.ofNullable(command).map(byCommand::get);
    }

    Set<String> commands() {
        return byCommand.keySet();
    }

    private static boolean hasBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    /** One endpoint: its command name, the document-id variable of its path and the body type it reads. */
    record Endpoint(String command, String pattern, String idVariable, Class<?> bodyType, Object controller,
                    Method method) {

        static Endpoint of(String pattern, HandlerMethod handler) {
            StringBuilder command = new StringBuilder();
            String idVariable = null;
            for (String segment : pattern.substring(API.length()).split("/")) {
                if (segment.startsWith("{")) {
                    idVariable = segment.substring(1, segment.length() - 1);
                } else {
                    command.append(command.isEmpty() ? "" : "/").append(segment);
                }
            }
            Method method = handler.getMethod();
            Class<?> bodyType = null;
            for (Parameter parameter : method.getParameters()) {
                PathVariable path = parameter.getAnnotation(PathVariable.class);
                RequestHeader header = parameter.getAnnotation(RequestHeader.class);
                if (parameter.isAnnotationPresent(RequestBody.class)) {
                    bodyType = parameter.getType();
                } else if (path == null && (header == null
                        || !ConnectorCommands.CORRELATION_HEADER.equals(header.value()))) {
                    // A new kind of argument must be supplied by the channels too before they may call the endpoint.
                    throw new IllegalStateException("endpoint " + pattern + " takes an argument the message "
                            + "channels cannot supply: " + parameter);
                }
            }
            if (idVariable == null) {
                throw new IllegalStateException("endpoint " + pattern + " names no document in its path");
            }
            ReflectionUtils.makeAccessible(method);
            return new Endpoint(command.toString(), pattern, idVariable, bodyType, handler.getBean(), method);
        }

        /** Calls the endpoint as Spring MVC would after reading and validating the body; its own exceptions pass. */
        Object call(String documentId, Object body, String correlationId) throws Exception {
            Parameter[] parameters = method.getParameters();
            Object[] arguments = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].isAnnotationPresent(RequestBody.class)) {
                    arguments[i] = body;
                } else if (parameters[i].isAnnotationPresent(PathVariable.class)) {
                    arguments[i] = documentId;
                } else {
                    arguments[i] = correlationId;
                }
            }
            try {
                Object answer = method.invoke(controller, arguments);
                return answer instanceof ResponseEntity<?> response ? response.getBody() : answer;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }
}
