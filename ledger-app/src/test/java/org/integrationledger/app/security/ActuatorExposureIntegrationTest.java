package org.integrationledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;

/**
 * Only health and its probes are open; metrics, Prometheus, info and the processors' health details need the admin
 * role; heap dumps, thread dumps, environment, configuration, beans and mappings are never exposed.
 */
class ActuatorExposureIntegrationTest extends LedgerIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    void probesAreOpen(String probe) {
        LedgerApi.Response answer = api.get(probe, null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthIsOpenWithComponentStatesAndShowsProcessorDetailsOnlyToAnAdmin() {
        LedgerApi.Response open = api.get("/actuator/health", null);
        LedgerApi.Response reporting = api.get("/actuator/health", REPORTING_KEY);
        LedgerApi.Response admin = api.get("/actuator/health", ADMIN_KEY);

        // 503 is an honest answer too, while another test has parked a document (DEGRADED).
        for (LedgerApi.Response answer : new LedgerApi.Response[] {open, reporting, admin}) {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 503);
            assertThat(processors(answer).path("status").asText()).isNotEmpty();
        }
        assertThat(processors(open).has("details")).isFalse();
        assertThat(processors(reporting).has("details")).isFalse();
        assertThat(processors(admin).path("details").path("processors").path("sla-clocks").path("running")
                .asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/prometheus",
            "/actuator/info", "/actuator"})
    void operationalEndpointsNeedTheAdminRole(String endpoint) {
        assertThat(api.getText(endpoint, null, "*/*").status()).isEqualTo(401);
        LedgerApi.Response notAdmin = api.get(endpoint, REPORTING_KEY);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.code()).isEqualTo("admin-required");
        LedgerApi.TextResponse asAdmin = api.getText(endpoint, ADMIN_KEY, "*/*");
        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/heapdump", "/actuator/threaddump", "/actuator/env", "/actuator/configprops",
            "/actuator/beans", "/actuator/mappings", "/actuator/env/ledger.audit.checkpoint-secret"})
    void dumpsAndConfigurationAreNeverExposed(String endpoint) {
        assertThat(api.getText(endpoint, null, "*/*").status()).isEqualTo(401);
        assertThat(api.getText(endpoint, REPORTING_KEY, "*/*").status()).isEqualTo(403);
        LedgerApi.TextResponse asAdmin = api.getText(endpoint, ADMIN_KEY, "*/*");
        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(404);
    }

    private static JsonNode processors(LedgerApi.Response health) {
        return health.body().path("components").path("eventProcessors");
    }
}
