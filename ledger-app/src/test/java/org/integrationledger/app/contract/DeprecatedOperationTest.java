package org.integrationledger.app.contract;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.integrationledger.model.contract.DeprecatedOperation;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An operation marked {@link DeprecatedOperation} announces its end in every answer (RFC 9745 {@code Deprecation},
 * RFC 8594 {@code Sunset}) and in the OpenAPI document; other operations carry neither. The controller exists only
 * here, so the published contract keeps no test operation.
 */
class DeprecatedOperationTest {

    /** A controller with one operation on its way out and its successor. */
    @RestController
    static class SunsettingController {

        @GetMapping("/api/v1/old-totals")
        @DeprecatedOperation(since = "2027-01-04T00:00:00Z", sunset = "2027-07-05T00:00:00Z",
                replacement = "GET /api/v1/new-totals, which answers in the document's currency")
        ResponseEntity<String> oldTotals() {
            return ResponseEntity.ok("{}");
        }

        @GetMapping("/api/v1/old-totals/refused")
        @DeprecatedOperation(since = "2027-01-04T00:00:00Z", sunset = "2027-07-05T00:00:00Z",
                replacement = "GET /api/v1/new-totals")
        ResponseEntity<String> refused() {
            return ResponseEntity.badRequest().body("{\"code\":\"validation-failed\"}");
        }

        @GetMapping("/api/v1/new-totals")
        ResponseEntity<String> newTotals() {
            return ResponseEntity.ok("{}");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SunsettingController())
            .addInterceptors(new DeprecationHeaders()).build();

    @Test
    void aDeprecatedOperationAnswersWithDeprecationAndSunsetHeaders() throws Exception {
        mvc.perform(get("/api/v1/old-totals"))
                .andExpect(status().isOk())
                .andExpect(header().string("Deprecation", "@1799020800"))
                .andExpect(header().string("Sunset", "Mon, 05 Jul 2027 00:00:00 GMT"));
    }

    @Test
    void aRefusalOfADeprecatedOperationCarriesTheHeadersToo() throws Exception {
        mvc.perform(get("/api/v1/old-totals/refused"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Deprecation", "@1799020800"));
    }

    @Test
    void anOperationInGoodStandingCarriesNeither() throws Exception {
        mvc.perform(get("/api/v1/new-totals"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Deprecation"))
                .andExpect(header().doesNotExist("Sunset"));
    }

    @Test
    void theDocumentMarksTheOperationDeprecatedAndNamesWhenAndWhatInstead() throws Exception {
        Operation operation = new Operation().description("Totals per document.")
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));

        Operation documented = new DeprecationDocumentation().customize(operation, new HandlerMethod(
                new SunsettingController(), SunsettingController.class.getDeclaredMethod("oldTotals")));

        assertThat(documented.getDeprecated()).isTrue();
        assertThat(documented.getDescription()).startsWith("Totals per document.")
                .contains("2027-01-04T00:00:00Z", "2027-07-05T00:00:00Z", "GET /api/v1/new-totals");
        assertThat(documented.getResponses().get("200").getHeaders()).containsKeys("Deprecation", "Sunset");
    }

    @Test
    void theDocumentLeavesAnOperationInGoodStandingAsItIs() throws Exception {
        Operation operation = new Operation().description("Totals per document.");

        Operation documented = new DeprecationDocumentation().customize(operation, new HandlerMethod(
                new SunsettingController(), SunsettingController.class.getDeclaredMethod("newTotals")));

        assertThat(documented.getDeprecated()).isNull();
        assertThat(documented.getDescription()).isEqualTo("Totals per document.");
    }

    @Test
    void aSunsetBeforeTheDeprecationIsRefused() {
        assertThatThrownBy(() -> new Sunsetting(java.time.Instant.parse("2027-07-05T00:00:00Z"),
                java.time.Instant.parse("2027-01-04T00:00:00Z"), "nothing"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
