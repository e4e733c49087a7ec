package org.integrationledger.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The role table as the OpenAPI document names its operations, and what a refusal says. */
class OperationRolesTest {

    @Test
    void namesWhatEachKindOfOperationNeeds() {
        assertThat(declared(HttpMethod.POST, "/api/v1/purchase-orders/{purchaseOrderId}/issue"))
                .containsExactly("connector:{reportingSystem}");
        assertThat(declared(HttpMethod.POST, "/api/v1/invoices/{invoiceId}/exception-overrides"))
                .containsExactly("approver", "connector:{reportingSystem}");
        assertThat(declared(HttpMethod.GET, "/api/v1/purchase-orders/{purchaseOrderId}")).containsExactly("viewer");
        assertThat(declared(HttpMethod.GET, "/api/v1/audit/documents/{aggregateId}/history"))
                .containsExactly("auditor");
        assertThat(declared(HttpMethod.POST, "/api/v1/audit/verification")).containsExactly("auditor");
        assertThat(declared(HttpMethod.POST, "/api/v1/audit/checkpoints")).containsExactly("admin");
        assertThat(declared(HttpMethod.GET, "/api/v1/audit/projections/{name}/checksum")).containsExactly("admin");
        assertThat(declared(HttpMethod.GET, "/api/v1/operations/dead-letters")).containsExactly("viewer");
        assertThat(declared(HttpMethod.DELETE, "/api/v1/operations/dead-letters/{processor}/{sequence}"))
                .containsExactly("admin");
        assertThat(OperationRoles.of(HttpMethod.GET, "/api/v1/nowhere")).isEmpty();
    }

    @Test
    void refusesByAuthoritiesWithTheCodeOfWhatIsMissing() {
        OperationAccess override = OperationRoles
                .of(HttpMethod.POST, "/api/v1/invoices/{invoiceId}/exception-overrides").orElseThrow();

        assertThat(override.refusalFor(Set.of("SYSTEM_PROCUREMENT")).orElseThrow().code().code())
                .isEqualTo("role-required");
        assertThat(override.refusalFor(Set.of("ROLE_APPROVER", "ROLE_VIEWER")).orElseThrow().code().code())
                .isEqualTo("system-not-permitted");
        assertThat(override.refusalFor(Set.of("ROLE_APPROVER", "ROLE_VIEWER", "SYSTEM_PROCUREMENT"))).isEmpty();
        assertThat(OperationAccess.role(LedgerRole.ADMIN).refusalFor(Set.of("ROLE_VIEWER", "ROLE_AUDITOR"))
                .orElseThrow().code().code()).isEqualTo("admin-required");
    }

    private static List<String> declared(HttpMethod method, String template) {
        return OperationRoles.of(method, template).orElseThrow().declared();
    }
}
