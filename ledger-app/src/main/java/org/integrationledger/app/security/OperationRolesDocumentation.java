package org.integrationledger.app.security;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Writes each operation's entry of {@link OperationRoles} into the OpenAPI document as {@code x-required-roles}
 * (the caller needs every entry): the table that is enforced is the table that is published.
 */
@Component
class OperationRolesDocumentation implements OpenApiCustomizer {

    static final String EXTENSION = "x-required-roles";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                OperationRoles.of(HttpMethod.valueOf(method.name()), path)
                        .ifPresent(access -> operation.addExtension(EXTENSION, access.declared()))));
    }
}
