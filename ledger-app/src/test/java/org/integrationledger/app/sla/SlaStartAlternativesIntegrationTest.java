package org.integrationledger.app.sla;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.sla.SlaFixture.PO_RULE;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The posting SLA of a purchase order starts at the earliest event that proves the order was approved: the approval
 * when procurement reported one, the issue when it reported the issue alone; a later proof never restarts the clock,
 * an earlier one moves its start back. A late acknowledgment of an older version still proves the posting.
 */
class SlaStartAlternativesIntegrationTest extends LedgerIntegrationTest {

    private static final Instant APPROVED_AT = Instant.parse("2026-11-23T08:00:00Z");

    private SlaFixture sla;

    @BeforeEach
    void fixture() {
        sla = new SlaFixture(api);
    }

    @Test
    void anOrderReportedByItsIssueAloneHasAClockFromTheIssue() {
        // given an order procurement reports by its issue alone (no approval)
        String po = newPurchaseOrderId();
        Instant issuedAt = APPROVED_AT.plusSeconds(600);

        // when it is issued
        sla.issued(po, "US01", "USD", issuedAt);

        // then its posting clock runs from the issue, waiting for its ERP
        JsonNode clock = sla.awaitClock(po, PO_RULE, "RUNNING");
        assertThat(clock.path("startEvent").asText()).isEqualTo("PurchaseOrderIssued");
        assertThat(clock.path("startedAt").asText()).isEqualTo(issuedAt.toString());
        assertThat(clock.path("dueAt").asText()).isEqualTo(issuedAt.plus(30, ChronoUnit.MINUTES).toString());
        assertThat(clock.path("system").asText()).isEqualTo("ERP_NA");
        assertThat(api.get("/api/v1/slas/documents/" + po, REPORTING_KEY).status()).isEqualTo(200);
    }

    @Test
    void anIssueAfterTheApprovalDoesNotRestartTheClock() {
        // given an approved order
        String po = newPurchaseOrderId();
        sla.approve(po, "US01", APPROVED_AT);
        sla.awaitClock(po, PO_RULE, "RUNNING");

        // when it is issued later
        sla.issued(po, "US01", "USD", APPROVED_AT.plusSeconds(600));
        sla.awaitClock(po, PO_RULE, clock -> clock.path("system").asText().equals("ERP_NA"));

        // then the clock still runs from the approval
        JsonNode clock = sla.clock(po, PO_RULE);
        assertThat(clock.path("startEvent").asText()).isEqualTo("RequisitionApproved");
        assertThat(clock.path("startedAt").asText()).isEqualTo(APPROVED_AT.toString());
    }

    @Test
    void anApprovalReportedAfterTheIssueMovesTheStartBackToIt() {
        // given an order whose issue was reported first
        String po = newPurchaseOrderId();
        sla.issued(po, "US01", "USD", APPROVED_AT.plusSeconds(600));
        sla.awaitClock(po, PO_RULE, "RUNNING");

        // when its earlier approval arrives late
        sla.approve(po, "US01", APPROVED_AT);

        // then the clock runs from the approval, the earliest proof
        JsonNode clock = sla.awaitClock(po, PO_RULE,
                c -> c.path("startedAt").asText().equals(APPROVED_AT.toString()));
        assertThat(clock.path("startEvent").asText()).isEqualTo("RequisitionApproved");
        assertThat(clock.path("dueAt").asText()).isEqualTo(APPROVED_AT.plus(30, ChronoUnit.MINUTES).toString());
    }

    @Test
    void anApprovalLaterThanTheIssueLeavesTheClockAtTheIssue() {
        String po = newPurchaseOrderId();
        Instant issuedAt = APPROVED_AT.plusSeconds(600);
        sla.issued(po, "US01", "USD", issuedAt);
        sla.awaitClock(po, PO_RULE, "RUNNING");

        sla.approve(po, "US01", issuedAt.plusSeconds(60));
        // a later event of the same order, so the approval has been applied when the clock is read
        sla.posted(po, "ERP_NA", issuedAt.plusSeconds(120));

        JsonNode clock = sla.awaitClock(po, PO_RULE, "MET");
        assertThat(clock.path("startEvent").asText()).isEqualTo("PurchaseOrderIssued");
        assertThat(clock.path("startedAt").asText()).isEqualTo(issuedAt.toString());
    }

    @Test
    void aLateAcknowledgmentOfAnOlderVersionStopsThePostingClock() {
        // given an issued order amended to version 2
        String po = newPurchaseOrderId();
        Instant issuedAt = APPROVED_AT.plusSeconds(600);
        sla.issued(po, "US01", "USD", issuedAt);
        Map<String, Object> amended = amendment(2, "2300.00", "120");
        amended.put("occurredAt", issuedAt.plusSeconds(60).toString());
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/amendments", PROCUREMENT_KEY, amended).status())
                .isEqualTo(200);

        // when the ERP acknowledges version 1, late
        Map<String, Object> posting = erpPosting("ERP_NA", 1, "DOC-" + po);
        posting.put("occurredAt", issuedAt.plusSeconds(120).toString());
        LedgerApi.Response response = api.post("/api/v1/purchase-orders/" + po + "/erp-postings", ERP_NA_KEY,
                posting);

        // then it is recorded as stale, and the order was posted in time
        assertThat(response.body().path("recorded").get(0).asText()).isEqualTo("StalePostingAcknowledgmentRecorded");
        JsonNode clock = sla.awaitClock(po, PO_RULE, "MET");
        assertThat(clock.path("stopEvent").asText()).isEqualTo("StalePostingAcknowledgmentRecorded");
    }
}
