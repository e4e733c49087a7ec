package org.integrationledger.app.purchaseorder;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.cancellation;
import static org.integrationledger.app.support.PurchaseOrderRequests.closure;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Every rule a connector can break answers {@code application/problem+json} with its stable code and status,
 * and leaves the event store and the idempotency table exactly as they were.
 */
class RejectionIntegrationTest extends LedgerIntegrationTest {

    @Test
    void rejectsAnInvalidBodyWithTheFieldsAtFault() {
        Map<String, Object> request = issue("US01", "USD");
        request.remove("supplierId");
        request.put("lines", List.of());

        Response response = rejected(newPurchaseOrderId(), "/issue", PROCUREMENT_KEY, request, 400,
                "validation-failed");

        assertThat(response.body().path("errors").findValuesAsText("field")).contains("supplierId", "lines");
    }

    @Test
    void rejectsBodiesThatAreNotJson() {
        rejected(newPurchaseOrderId(), "/issue", PROCUREMENT_KEY, "{not json", 400, "malformed-request");
    }

    @Test
    void rejectsValuesOfTheWrongShape() {
        Map<String, Object> request = issue("US01", "USD");
        request.put("currency", "DOLLARS");
        rejected(newPurchaseOrderId(), "/issue", PROCUREMENT_KEY, request, 400, "validation-failed");
        Map<String, Object> tooPrecise = issue("US01", "USD");
        tooPrecise.put("totalAmount", "2050.001");
        rejected(newPurchaseOrderId(), "/issue", PROCUREMENT_KEY, tooPrecise, 400, "validation-failed");
    }

    @Test
    void rejectsCallsWithoutAValidApiKey() {
        rejected(newPurchaseOrderId(), "/issue", null, issue("US01", "USD"), 401, "unauthenticated");
        rejected(newPurchaseOrderId(), "/issue", "not-a-key", issue("US01", "USD"), 401, "unauthenticated");
        Response read = api.get("/api/v1/purchase-orders", null);
        assertThat(read.status()).isEqualTo(401);
        assertThat(read.code()).isEqualTo("unauthenticated");
    }

    @Test
    void rejectsAConnectorClaimingAnotherSystem() {
        Map<String, Object> request = issue("US01", "USD");
        rejected(newPurchaseOrderId(), "/issue", ERP_NA_KEY, request, 403, "system-not-permitted");
        rejected(newPurchaseOrderId(), "/issue", REPORTING_KEY, issue("US01", "USD"), 403, "system-not-permitted");
    }

    @Test
    void rejectsAFactReportedByASystemThatDoesNotOwnIt() {
        String po = issued("US01", "USD");
        Map<String, Object> postingByProcurement = erpPosting("PROCUREMENT", 1, "4500000001");
        rejected(po, "/erp-postings", PROCUREMENT_KEY, postingByProcurement, 422, "reporting-system-not-owner");
        Map<String, Object> issueByTaxEngine = issue("US01", "USD");
        issueByTaxEngine.put("reportingSystem", "TAX_ENGINE");
        rejected(newPurchaseOrderId(), "/issue", "dev-tax-key", issueByTaxEngine, 422, "reporting-system-not-owner");
    }

    @Test
    void rejectsAnUnconfiguredSystemOrLegalEntity() {
        Map<String, Object> fromNowhere = issue("US01", "USD");
        fromNowhere.put("reportingSystem", "ERP_APAC");
        rejected(newPurchaseOrderId(), "/issue", PROCUREMENT_KEY, fromNowhere, 422, "unknown-system");
        rejected(newPurchaseOrderId(), "/issue", PROCUREMENT_KEY, issue("JP01", "JPY"), 422, "unknown-legal-entity");
    }

    @Test
    void rejectsATotalTheLinesDoNotAddUpTo() {
        Map<String, Object> request = issue("US01", "USD");
        request.put("totalAmount", "2049.99");
        rejected(newPurchaseOrderId(), "/issue", PROCUREMENT_KEY, request, 422, "total-mismatch");
    }

    @Test
    void rejectsCommandsForAnOrderTheLedgerDoesNotKnow() {
        rejected(newPurchaseOrderId(), "/goods-receipts", PROCUREMENT_KEY, receipt("1", null), 404,
                "purchase-order-not-found");
        Response read = api.get("/api/v1/purchase-orders/" + newPurchaseOrderId(), REPORTING_KEY);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("purchase-order-not-found");
    }

    @Test
    void rejectsIssuingTheSameOrderTwice() {
        String po = issued("US01", "USD");
        rejected(po, "/issue", PROCUREMENT_KEY, issue("US01", "USD"), 409, "purchase-order-already-issued");
    }

    @Test
    void rejectsReceiptsOnAnOrderKnownOnlyFromItsErp() {
        String po = newPurchaseOrderId();
        api.post("/api/v1/purchase-orders/" + po + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "45001"));
        rejected(po, "/goods-receipts", PROCUREMENT_KEY, receipt("1", null), 409, "purchase-order-not-issued");
    }

    @Test
    void rejectsAnAmendmentInAnotherCurrency() {
        String po = issued("US01", "USD");
        api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt("60", null));
        Map<String, Object> inEuro = amendment(2, "2675.00", "150");
        inEuro.put("currency", "EUR");
        rejected(po, "/amendments", PROCUREMENT_KEY, inEuro, 422, "currency-mismatch");
    }

    @Test
    void rejectsChangesToCancelledOrClosedOrders() {
        String cancelled = issued("DE01", "EUR");
        api.post("/api/v1/purchase-orders/" + cancelled + "/cancellation", PROCUREMENT_KEY, cancellation());
        rejected(cancelled, "/goods-receipts", PROCUREMENT_KEY, receipt("1", null), 409, "purchase-order-cancelled");
        String closed = issued("DE01", "EUR");
        api.post("/api/v1/purchase-orders/" + closed + "/closure", PROCUREMENT_KEY, closure());
        rejected(closed, "/cancellation", PROCUREMENT_KEY, cancellation(), 409, "purchase-order-closed");
    }

    @Test
    void rejectsAChangeBasedOnAnOutdatedLedgerVersion() {
        String po = issued("US01", "USD");
        api.post("/api/v1/purchase-orders/" + po + "/erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "45002"));
        Map<String, Object> amendment = amendment(2, "2675.00", "150");
        amendment.put("expectedLedgerVersion", 0);
        rejected(po, "/amendments", PROCUREMENT_KEY, amendment, 409, "concurrency-conflict");

        Map<String, Object> current = new HashMap<>(amendment);
        current.put("expectedLedgerVersion", 1);
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/amendments", PROCUREMENT_KEY, current).status())
                .isEqualTo(200);
    }

    @Test
    void refusesAFactDatedAfterTheLedgersClockAndAcceptsTheCorrectedResend() {
        String po = issued("US01", "USD");
        Map<String, Object> receipt = receipt("60", "5");
        receipt.put("occurredAt", Instant.now().plus(Duration.ofDays(20)).toString());
        Response refused = rejected(po, "/goods-receipts", PROCUREMENT_KEY, receipt, 422, "business-time-in-future");
        assertThat(refused.body().path("detail").asText()).contains("occurredAt");

        // Within the clocks' skew (five minutes by default) a time ahead of the ledger's is accepted, and the
        // refused message's id was never claimed: the corrected resend with the same id is recorded.
        receipt.put("occurredAt", Instant.now().plus(Duration.ofMinutes(2)).toString());
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY, receipt).status())
                .isEqualTo(200);
    }

    private String issued(String legalEntity, String currency) {
        String po = newPurchaseOrderId();
        Response response = api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY,
                issue(legalEntity, currency));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return po;
    }

    private Response rejected(String po, String action, String apiKey, Object body, int status, String code) {
        long eventsBefore = events.totalEvents();
        long messagesBefore = events.acceptedMessages();

        Response response = api.post("/api/v1/purchase-orders/" + po + action, apiKey, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        assertThat(events.totalEvents()).as("events written by a rejected request").isEqualTo(eventsBefore);
        assertThat(events.acceptedMessages()).as("message ids claimed by a rejected request")
                .isEqualTo(messagesBefore);
        return response;
    }
}
