package org.integrationledger.app.console;

import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.query.sla.SlaEvaluator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.requisitionApproval;

/**
 * The reference traffic the console pages are tested on, sent through the connector API: an EMEA order approved
 * and issued three hours ago and never posted (a breached SLA clock, a NOT_ACKNOWLEDGED divergence), and a NA
 * order issued, posted, then amended (its ERP a version behind), with an instant between posting and amendment
 * for the as-of view.
 */
final class ConsoleScenario {

    /** The EMEA order its ERP never posted. */
    final String unposted = newPurchaseOrderId();
    /** The NA order posted at version 1 and amended to version 2 afterwards. */
    final String amended = newPurchaseOrderId();
    /** A recorded instant after the posting of {@link #amended} and before its amendment (whole seconds). */
    final Instant betweenPostingAndAmendment;

    ConsoleScenario(LedgerApi api, SlaEvaluator evaluator) {
        Instant approvedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> approval = requisitionApproval("DE01");
        approval.put("occurredAt", approvedAt.toString());
        ok(api.post("/api/v1/purchase-orders/" + unposted + "/requisition-approval", PROCUREMENT_KEY, approval));
        Map<String, Object> issued = issue("DE01", "EUR");
        issued.put("occurredAt", approvedAt.plusSeconds(60).toString());
        ok(api.post("/api/v1/purchase-orders/" + unposted + "/issue", PROCUREMENT_KEY, issued));

        Instant issuedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> issue = issue("US01", "USD");
        issue.put("occurredAt", issuedAt.toString());
        ok(api.post("/api/v1/purchase-orders/" + amended + "/issue", PROCUREMENT_KEY, issue));
        Map<String, Object> posting = erpPosting("ERP_NA", 1, "45001");
        posting.put("occurredAt", issuedAt.plus(10, ChronoUnit.MINUTES).toString());
        ok(api.post("/api/v1/purchase-orders/" + amended + "/erp-postings", ERP_NA_KEY, posting));
        // The as-of picker has whole seconds: the next full second lies after the posting's recorded time, and the
        // amendment is sent only once it has passed.
        betweenPostingAndAmendment = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(betweenPostingAndAmendment));
        Map<String, Object> change = amendment(2, "2175.00", "110");
        change.put("occurredAt", issuedAt.plus(60, ChronoUnit.MINUTES).toString());
        ok(api.post("/api/v1/purchase-orders/" + amended + "/amendments", PROCUREMENT_KEY, change));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            LedgerApi.Response entry = api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + amended, REPORTING_KEY);
            return entry.status() == 200 && entry.body().path("currentVersion").asInt() == 2
                    && api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + unposted, REPORTING_KEY).status() == 200
                    && api.get("/api/v1/trace/" + amended, REPORTING_KEY).body().path("steps").size() >= 3;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            evaluator.evaluate();
            LedgerApi.Response clocks = api.get("/api/v1/slas/documents/" + unposted, REPORTING_KEY);
            return clocks.status() == 200 && clocks.body().findValuesAsText("state").contains("BREACHED");
        });
    }

    private static void ok(LedgerApi.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
