package org.integrationledger.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ledger with an API operation the role table does not name does not start. */
class OperationRolesCheckTest {

    @Test
    void refusesAnApiOperationWithoutARole() throws NoSuchMethodException {
        RequestMappingHandlerMapping mapping = mappingOf(RequestMethod.GET, "/api/v1/unlisted");

        assertThatThrownBy(() -> new OperationRolesCheck(mapping).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /api/v1/unlisted");
    }

    @Test
    void acceptsNamedOperationsAndPathsOutsideTheApi() throws NoSuchMethodException {
        RequestMappingHandlerMapping mapping = mappingOf(RequestMethod.GET,
                "/api/v1/audit/documents/{aggregateId}/history");
        mapping.registerMapping(RequestMappingInfo.paths("/console/anything").methods(RequestMethod.POST).build(),
                new Handler(), Handler.class.getMethod("handle"));

        assertThatCode(() -> new OperationRolesCheck(mapping).afterSingletonsInstantiated()).doesNotThrowAnyException();
    }

    private static RequestMappingHandlerMapping mappingOf(RequestMethod method, String path)
            throws NoSuchMethodException {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.registerMapping(RequestMappingInfo.paths(path).methods(method).build(), new Handler(),
                Handler.class.getMethod("handle"));
        return mapping;
    }

    /** A stand-in handler. */
    public static class Handler {

        public String handle() {
            return "";
        }
    }
}
