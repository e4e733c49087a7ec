package org.integrationledger.app.contract;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.integrationledger.model.contract.DeprecatedOperation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Marks an operation annotated {@link DeprecatedOperation} as {@code deprecated} in the OpenAPI document, says when
 * it goes and what replaces it, and documents the two headers on each of its answers.
 */
final class DeprecationDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        DeprecatedOperation annotation = handlerMethod.getMethodAnnotation(DeprecatedOperation.class);
        if (annotation == null) {
            return operation;
        }
        Sunsetting sunsetting = Sunsetting.of(annotation);
        operation.setDeprecated(true);
        operation.setDescription(operation.getDescription() == null ? sunsetting.description()
                : operation.getDescription() + "\n\n" + sunsetting.description());
        if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
                response.addHeaderObject("Deprecation", new Header().schema(new StringSchema())
                        .example(sunsetting.deprecationHeader())
                        .description("RFC 9745: when the operation became deprecated (@ and epoch seconds)"));
                response.addHeaderObject("Sunset", new Header().schema(new StringSchema())
                        .example(sunsetting.sunsetHeader())
                        .description("RFC 8594: after this HTTP date the operation no longer answers"));
            }
        }
        return operation;
    }
}
