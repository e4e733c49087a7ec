package org.integrationledger.app.security.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * Company sign-in against a real issuer (Spring Authorization Server, started by the test): client-credentials
 * tokens of a procurement connector, an ERP connector and a reporting viewer, and the tokens the ledger must refuse.
 */
class CompanySignInIntegrationTest extends CompanySignInLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aConnectorTokenRecordsACommandWithTheTokensPrincipalAsConnector() {
        String po = newPurchaseOrderId();
        Map<String, Object> request = issue("US01", "USD");

        HttpResponse<String> answer = post("/api/v1/purchase-orders/" + po + "/issue", request,
                bearer(TestIssuer.shared().accessToken(TestIssuer.PROCUREMENT)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT connector_id FROM connector_message WHERE message_id = ?",
                String.class, request.get("messageId"))).isEqualTo(TestIssuer.PROCUREMENT.id());
        assertThat(events.metaData(po, 0)).contains("\"connectorId\":\"" + TestIssuer.PROCUREMENT.id() + "\"");
    }

    @Test
    void aSystemsClaimBindsATokenToItsSystem() {
        String po = issuedPurchaseOrder();

        HttpResponse<String> posting = post("/api/v1/purchase-orders/" + po + "/erp-postings",
                erpPosting("ERP_NA", 1, "4500012345"), bearer(TestIssuer.shared().accessToken(TestIssuer.ERP_NA)));

        assertThat(posting.statusCode()).as(posting.body()).isEqualTo(200);
        assertThat(events.eventCount(po)).isEqualTo(2);
    }

    @Test
    void aTokenForAnotherSystemIsForbiddenAndNothingIsWritten() {
        String po = newPurchaseOrderId();
        Map<String, Object> request = issue("US01", "USD");
        long messages = events.acceptedMessages();

        HttpResponse<String> answer = post("/api/v1/purchase-orders/" + po + "/issue", request,
                bearer(TestIssuer.shared().accessToken(TestIssuer.ERP_NA)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(code(answer)).isEqualTo("system-not-permitted");
        assertThat(events.eventCount(po)).isZero();
        assertThat(events.acceptedMessages()).isEqualTo(messages);
    }

    @Test
    void aViewerTokenReadsButCannotWrite() {
        String token = TestIssuer.shared().accessToken(TestIssuer.VIEWER);
        String po = newPurchaseOrderId();

        HttpResponse<String> read = send("GET", "/api/v1/purchase-orders?size=1", null, bearer(token));
        HttpResponse<String> write = post("/api/v1/purchase-orders/" + po + "/issue", issue("US01", "USD"),
                bearer(token));

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
        assertThat(code(write)).isEqualTo("system-not-permitted");
        assertThat(events.eventCount(po)).isZero();
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        String token = TestIssuer.shared().accessToken(TestIssuer.EXPIRED);

        assertRefusedToken(token, "expired");
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        String token = TestIssuer.shared().accessToken(TestIssuer.OTHER_AUDIENCE);

        assertRefusedToken(token, "aud");
    }

    @Test
    void aTokenWithAForgedSignatureIsUnauthenticated() {
        String token = TestIssuer.shared().accessToken(TestIssuer.PROCUREMENT);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ";

        assertRefusedToken(forged, "");
    }

    @Test
    void noCredentialIsUnauthenticatedWithABearerChallenge() {
        String po = newPurchaseOrderId();

        HttpResponse<String> answer = post("/api/v1/purchase-orders/" + po + "/issue", issue("US01", "USD"), Map.of());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer")
                .doesNotContain("error=");
        assertThat(code(answer)).isEqualTo("unauthenticated");
        assertThat(events.eventCount(po)).isZero();
    }

    @Test
    void theChallengeLeadsAConnectorToTheIssuer() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/v1/purchase-orders?size=1", null, Map.of());
        String challenge = answer.headers().firstValue("WWW-Authenticate").orElseThrow();
        String metadata = challenge.substring(challenge.indexOf("resource_metadata=\"") + 19, challenge.length() - 1);

        HttpResponse<String> resource = send("GET", java.net.URI.create(metadata).getPath(), null, Map.of());

        assertThat(resource.statusCode()).as(resource.body()).isEqualTo(200);
        assertThat(JSON.readTree(resource.body()).path("authorization_servers").get(0).asText())
                .isEqualTo(TestIssuer.shared().uri());
    }

    @Test
    void apiKeysStillWorkBesideTokensInEitherHeader() {
        HttpResponse<String> header = send("GET", "/api/v1/purchase-orders?size=1", null,
                Map.of("X-Api-Key", PROCUREMENT_KEY));
        HttpResponse<String> asBearer = send("GET", "/api/v1/purchase-orders?size=1", null, bearer(PROCUREMENT_KEY));
        HttpResponse<String> unknown = send("GET", "/api/v1/purchase-orders?size=1", null, bearer("no-such-key"));

        assertThat(header.statusCode()).as(header.body()).isEqualTo(200);
        assertThat(asBearer.statusCode()).as(asBearer.body()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(code(unknown)).isEqualTo("unauthenticated");
    }

    /** 401 unauthenticated as problem details, an RFC 6750 invalid_token challenge, and nothing written. */
    private void assertRefusedToken(String token, String reason) {
        String po = newPurchaseOrderId();
        long messages = events.acceptedMessages();

        HttpResponse<String> answer = post("/api/v1/purchase-orders/" + po + "/issue", issue("US01", "USD"),
                bearer(token));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(code(answer)).isEqualTo("unauthenticated");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer error=\"invalid_token\"").contains(reason);
        assertThat(events.eventCount(po)).isZero();
        assertThat(events.acceptedMessages()).isEqualTo(messages);
    }

    private String issuedPurchaseOrder() {
        String po = newPurchaseOrderId();
        HttpResponse<String> issued = post("/api/v1/purchase-orders/" + po + "/issue", issue("US01", "USD"),
                bearer(TestIssuer.shared().accessToken(TestIssuer.PROCUREMENT)));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return po;
    }

    private HttpResponse<String> post(String path, Object body, Map<String, String> headers) {
        try {
            return send("POST", path, JSON.writeValueAsString(body), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String code(HttpResponse<String> answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.path("code").asText(null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }
}
