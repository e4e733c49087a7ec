package org.integrationledger.app.contract;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running ledger publishes exactly the contract committed in {@code docs/openapi.json}: an API change that was
 * not written down there (and so not seen by the compatibility check and the generated client) fails the build.
 *
 * <p>Only the server URL is normalised (it names the random port). To write the file anew from the code as it is,
 * run {@value #REGENERATE} and review the diff; that run passes without comparing.
 */
class OpenApiContractTest extends LedgerIntegrationTest {

    static final String REGENERATE = "./mvnw -pl ledger-app test -Dtest=OpenApiContractTest -Dledger.write-openapi=true";
    private static final Path COMMITTED = Path.of("../docs/openapi.json");
    private static final boolean WRITE = Boolean.getBoolean("ledger.write-openapi");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    @Test
    void publishesTheCommittedContract() throws IOException {
        var docs = api.getText("/v3/api-docs", null, "application/json");
        assertThat(docs.status()).isEqualTo(200);
        String live = ContractJson.canonical(docs.body());

        if (WRITE) {
            Files.writeString(COMMITTED, live, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(live).as("the running ledger's /v3/api-docs differs from docs/openapi.json; if the API change is "
                + "meant, regenerate it with `" + REGENERATE + "` and commit the diff").isEqualTo(committed);
    }

    @Test
    void everyApiOperationPassesTheDeprecationHeaders() throws Exception {
        // DeprecatedOperationTest shows what the interceptor does; this shows the running ledger applies it.
        HandlerExecutionChain chain = handlers.getHandler(new MockHttpServletRequest("GET", "/api/v1/trace/PO-1"));

        assertThat(chain).isNotNull();
        assertThat(chain.getInterceptorList()).hasAtLeastOneElementOfType(DeprecationHeaders.class);
    }
}
