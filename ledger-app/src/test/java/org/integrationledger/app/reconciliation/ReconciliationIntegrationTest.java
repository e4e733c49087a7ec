package org.integrationledger.app.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.IntegrationLedgerApplication;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.ReconciliationEntries.flag;
import static org.integrationledger.app.support.ReconciliationEntries.flags;
import static org.integrationledger.app.support.ReconciliationEntries.system;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.MONDAY_9AM;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.cancellation;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpRejection;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;
import static org.integrationledger.app.support.PurchaseOrderRequests.requisitionApproval;
import static org.integrationledger.app.support.SupplierRequests.IBAN;
import static org.integrationledger.app.support.SupplierRequests.MONDAY_8AM;
import static org.integrationledger.app.support.SupplierRequests.NEW_IBAN;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * The reference scenario through real HTTP on real PostgreSQL: orders in both regions, each divergence kind, an
 * out-of-order arrival, a supplier stuck in one region, and a legal entity moved to another ERP mid-way (a second
 * command process started with the new routing configuration against the same database).
 */
class ReconciliationIntegrationTest extends LedgerIntegrationTest {

    @Test
    void showsEachOrderInEverySystemWithItsDivergences() {
        // North America, posted in its ERP, then amended: the ERP is a version behind until it posts version 2.
        String na = newPurchaseOrderId();
        ok(po(na, "issue"), PROCUREMENT_KEY, issue("US01", "USD"));
        ok(po(na, "erp-postings"), ERP_NA_KEY, posting("ERP_NA", 1, "2050.00", "USD", null));
        JsonNode inSync = awaitEntry("PURCHASE_ORDER", na, e -> system(e, "ERP_NA").path("version").asInt() == 1);
        assertThat(inSync.path("divergences")).isEmpty();
        assertThat(inSync.path("region").asText()).isEqualTo("NA");
        assertThat(inSync.path("routedTo").asText()).isEqualTo("ERP_NA");
        assertThat(inSync.path("routingRuleVersion").asInt()).isEqualTo(1);
        assertThat(system(inSync, "PROCUREMENT").path("role").asText()).isEqualTo("SOURCE");
        assertThat(system(inSync, "ERP_NA").path("reference").asText()).isEqualTo("ERP-NA-1");
        ok(po(na, "amendments"), PROCUREMENT_KEY, amendment(2, "2675.00", "150"));
        JsonNode behind = awaitEntry("PURCHASE_ORDER", na, e -> e.path("currentVersion").asInt() == 2);
        assertThat(flags(behind)).containsExactly("VERSION_BEHIND@ERP_NA");
        assertThat(flag(behind, "VERSION_BEHIND").path("since").asText())
                .isEqualTo(MONDAY_9AM.plusSeconds(3600).toString());

        // EMEA, approved and issued but never posted: question 1.
        String emea = newPurchaseOrderId();
        ok(po(emea, "requisition-approval"), PROCUREMENT_KEY, requisitionApproval("DE01"));
        ok(po(emea, "issue"), PROCUREMENT_KEY, issue("DE01", "EUR"));
        JsonNode unposted = awaitEntry("PURCHASE_ORDER", emea, e -> "ERP_EMEA".equals(e.path("routedTo").asText())
                && e.path("region").asText().equals("EMEA"));
        assertThat(flags(unposted)).containsExactly("NOT_ACKNOWLEDGED@ERP_EMEA");
        assertThat(system(unposted, "ERP_EMEA").path("state").asText()).isEqualTo("PENDING");
        JsonNode q1 = api.get("/api/v1/reconciliation?documentType=PURCHASE_ORDER&divergence=NOT_ACKNOWLEDGED"
                + "&region=EMEA&divergentFor=PT30M&size=500", REPORTING_KEY).body();
        assertThat(ids(q1)).contains(emea).doesNotContain(na);
        assertThat(flag(entry(q1, emea), "NOT_ACKNOWLEDGED").path("since").asText()).isEqualTo(MONDAY_9AM.toString());

        // The ERP holds another amount than procurement for the same version.
        String amount = newPurchaseOrderId();
        ok(po(amount, "issue"), PROCUREMENT_KEY, issue("GB01", "GBP"));
        ok(po(amount, "erp-postings"), ERP_EMEA_KEY, posting("ERP_EMEA", 1, "2000.00", "GBP", null));
        JsonNode differs = awaitEntry("PURCHASE_ORDER", amount, e -> system(e, "ERP_EMEA").path("version").asInt() == 1);
        assertThat(flags(differs)).containsExactly("AMOUNT_MISMATCH@ERP_EMEA");
        assertThat(system(differs, "ERP_EMEA").path("amount").path("amount").decimalValue())
                .isEqualByComparingTo("2000.00");

        // Cancelled in procurement, still open in the ERP, until the ERP reports the cancellation too.
        String cancelled = newPurchaseOrderId();
        ok(po(cancelled, "issue"), PROCUREMENT_KEY, issue("FR01", "EUR"));
        ok(po(cancelled, "erp-postings"), ERP_EMEA_KEY, posting("ERP_EMEA", 1, null, null, null));
        ok(po(cancelled, "cancellation"), PROCUREMENT_KEY, cancellation());
        JsonNode openInErp = awaitEntry("PURCHASE_ORDER", cancelled, e -> e.path("status").asText().equals("CANCELLED"));
        assertThat(flags(openInErp)).containsExactly("STATUS_MISMATCH@ERP_EMEA");
        ok(po(cancelled, "erp-postings"), ERP_EMEA_KEY, posting("ERP_EMEA", 1, null, null, "CANCELLED"));
        JsonNode agreed = awaitEntry("PURCHASE_ORDER", cancelled,
                e -> system(e, "ERP_EMEA").path("status").asText().equals("CANCELLED"));
        assertThat(agreed.path("divergences")).isEmpty();
        assertThat(agreed.path("divergentSince").isNull()).isTrue();

        // Out of order: the ERP acknowledges before procurement reports the order.
        String early = newPurchaseOrderId();
        ok(po(early, "erp-postings"), ERP_NA_KEY, posting("ERP_NA", 1, null, null, null));
        JsonNode downstream = awaitEntry("PURCHASE_ORDER", early, e -> e.path("divergences").size() == 1);
        // It names the system that reported it and that system's region (the order has no routing yet).
        assertThat(flags(downstream)).containsExactly("KNOWN_ONLY_DOWNSTREAM@ERP_NA");
        assertThat(downstream.path("divergences").get(0).path("region").asText()).isEqualTo("NA");
        ok(po(early, "issue"), PROCUREMENT_KEY, issue("US01", "USD"));
        JsonNode caughtUp = awaitEntry("PURCHASE_ORDER", early, e -> "ERP_NA".equals(e.path("routedTo").asText()));
        assertThat(caughtUp.path("divergences")).isEmpty();

        // Refused by its ERP: not acknowledged, and rejected.
        String refused = newPurchaseOrderId();
        ok(po(refused, "issue"), PROCUREMENT_KEY, issue("DE01", "EUR"));
        ok(po(refused, "erp-rejections"), ERP_EMEA_KEY, erpRejection("ERP_EMEA", 1));
        JsonNode rejected = awaitEntry("PURCHASE_ORDER", refused, e -> e.path("divergences").size() == 2);
        assertThat(flags(rejected)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_EMEA", "REJECTED@ERP_EMEA");

        // Routed to ERP_NA, acknowledged by ERP_EMEA.
        String misrouted = newPurchaseOrderId();
        ok(po(misrouted, "issue"), PROCUREMENT_KEY, issue("US01", "USD"));
        ok(po(misrouted, "erp-postings"), ERP_EMEA_KEY, posting("ERP_EMEA", 1, null, null, null));
        JsonNode wrong = awaitEntry("PURCHASE_ORDER", misrouted, e -> e.path("divergences").size() == 2);
        assertThat(flags(wrong)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_NA", "WRONG_SYSTEM@ERP_EMEA");
        assertThat(system(wrong, "ERP_EMEA").path("role").asText()).isEqualTo("OTHER");
    }

    @Test
    void showsASupplierVersionStuckInOneRegionAndACopyWithAnotherBankAccount() {
        String supplier = newSupplierId();
        ok("/api/v1/suppliers/" + supplier + "/request", PROCUREMENT_KEY, request(newVatNumber()));
        ok("/api/v1/suppliers/" + supplier + "/approval", PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok("/api/v1/suppliers/" + supplier + "/golden-record", ERP_NA_KEY,
                goldenRecord("ERP_NA", "V-" + supplier, MONDAY_8AM.plusSeconds(7_200)));
        ok("/api/v1/suppliers/" + supplier + "/acknowledgments", PROCUREMENT_KEY,
                acknowledgment("PROCUREMENT", 1, supplier, NEW_IBAN, MONDAY_8AM.plusSeconds(9_000)));
        JsonNode stuck = awaitEntry("SUPPLIER", supplier, e -> system(e, "PROCUREMENT").path("version").asInt() == 1);
        assertThat(flags(stuck)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_EMEA",
                "BANK_ACCOUNT_MISMATCH@PROCUREMENT");
        assertThat(flag(stuck, "NOT_ACKNOWLEDGED").path("region").asText()).isEqualTo("EMEA");
        assertThat(system(stuck, "ERP_NA").path("role").asText()).isEqualTo("SOURCE");

        JsonNode q3 = api.get("/api/v1/reconciliation?documentType=SUPPLIER&system=ERP_EMEA&size=500",
                REPORTING_KEY).body();
        assertThat(ids(q3)).contains(supplier);

        ok("/api/v1/suppliers/" + supplier + "/acknowledgments", ERP_EMEA_KEY,
                acknowledgment("ERP_EMEA", 1, "E-1", IBAN, MONDAY_8AM.plusSeconds(10_000)));
        JsonNode acknowledged = awaitEntry("SUPPLIER", supplier, e -> system(e, "ERP_EMEA").path("version").asInt() == 1);
        assertThat(flags(acknowledged)).containsExactly("BANK_ACCOUNT_MISMATCH@PROCUREMENT");
    }

    @Test
    void recordsWhichRuleRoutedEachOrderWhenALegalEntityMovesToAnotherErpMidWay() {
        String before = newPurchaseOrderId();
        ok(po(before, "issue"), PROCUREMENT_KEY, issue("DE01", "EUR"));
        awaitEntry("PURCHASE_ORDER", before, e -> "ERP_EMEA".equals(e.path("routedTo").asText()));

        // The phased migration: DE01 moves to the cloud ERP. A command process with the new configuration.
        String after = newPurchaseOrderId();
        String unrouted = newPurchaseOrderId();
        Map<String, Long> countsBefore = counts("ZZ01");
        try (ConfigurableApplicationContext migrated = new SpringApplicationBuilder(IntegrationLedgerApplication.class)
                .run("--server.port=0", "--ledger.query-side.enabled=false",
                        "--ledger.database.url=" + TestDatabase.url(), "--ledger.database.username=" + TestDatabase.user(),
                        "--ledger.database.password=" + TestDatabase.password(),
                        "--ledger.reference.legal-entities.DE01.erp=ERP_NA",
                        "--ledger.reference.legal-entities.DE01.routing-version=2",
                        "--ledger.reference.legal-entities.ZZ01.country=DE",
                        "--ledger.reference.legal-entities.ZZ01.currency=EUR",
                        "--ledger.reference.legal-entities.ZZ01.erp=ERP_NA",
                        "--ledger.reference.legal-entities.ZZ01.tax-regime=EU_VAT",
                        "--ledger.reference.legal-entities.ZZ01.region=NA")) {
            LedgerApi commands = new LedgerApi("http://localhost:"
                    + migrated.getEnvironment().getProperty("local.server.port"));
            assertThat(commands.post(po(after, "issue"), PROCUREMENT_KEY, issue("DE01", "EUR")).status()).isEqualTo(200);
            // The old ERP still acknowledges it: flagged, the order now belongs to ERP_NA.
            assertThat(commands.post(po(after, "erp-postings"), ERP_EMEA_KEY, posting("ERP_EMEA", 1, null, null, null))
                    .status()).isEqualTo(200);
            assertThat(commands.post(po(unrouted, "issue"), PROCUREMENT_KEY, issue("ZZ01", "EUR")).status())
                    .isEqualTo(200);
        }
        JsonNode moved = awaitEntry("PURCHASE_ORDER", after, e -> e.path("divergences").size() == 2);
        assertThat(moved.path("routedTo").asText()).isEqualTo("ERP_NA");
        assertThat(moved.path("routingRuleVersion").asInt()).isEqualTo(2);
        assertThat(flags(moved)).containsExactlyInAnyOrder("NOT_ACKNOWLEDGED@ERP_NA", "WRONG_SYSTEM@ERP_EMEA");
        JsonNode stayed = entryNow("PURCHASE_ORDER", before);
        assertThat(stayed.path("routedTo").asText()).isEqualTo("ERP_EMEA");
        assertThat(stayed.path("routingRuleVersion").asInt()).isEqualTo(1);

        // The routing decisions are on the record: the trace shows the rule version of each.
        assertThat(trace(before).findValuesAsText("summary").stream().filter(s -> s.contains("ruleVersion")))
                .singleElement().asString().contains("erp=ERP_EMEA").contains("ruleVersion=1");
        assertThat(trace(after).findValuesAsText("summary").stream().filter(s -> s.contains("ruleVersion")))
                .singleElement().asString().contains("erp=ERP_NA").contains("ruleVersion=2");

        // Counts for dashboards, by divergence × region × system (ZZ01 exists only in this test).
        awaitEntry("PURCHASE_ORDER", unrouted, e -> e.path("divergences").size() == 1);
        Map<String, Long> countsAfter = counts("ZZ01");
        assertThat(countsAfter.getOrDefault("NOT_ACKNOWLEDGED/NA/ERP_NA", 0L)
                - countsBefore.getOrDefault("NOT_ACKNOWLEDGED/NA/ERP_NA", 0L)).isEqualTo(1);
    }

    @Test
    void tracesAnOrderAcrossSystemsInBusinessTimeAndByCorrelationId() {
        String po = newPurchaseOrderId();
        String correlation = "corr-" + po;
        Map<String, String> header = Map.of("X-Correlation-Id", correlation);
        assertThat(api.post(po(po, "requisition-approval"), PROCUREMENT_KEY, requisitionApproval("US01"), header).status())
                .isEqualTo(200);
        assertThat(api.post(po(po, "issue"), PROCUREMENT_KEY, issue("US01", "USD"), header).status()).isEqualTo(200);
        ok(po(po, "goods-receipts"), PROCUREMENT_KEY, receipt("100", "10"));
        // The ERP acknowledges late in wall-clock terms but its business time is earlier than the receipt.
        ok(po(po, "erp-postings"), ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000777"));

        JsonNode trace = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/trace/" + po,
                REPORTING_KEY), r -> r.status() == 200 && r.body().path("steps").size() == 4).body();
        assertThat(trace.path("steps").findValuesAsText("event")).containsExactly("RequisitionApproved",
                "PurchaseOrderIssued", "PurchaseOrderPostedInErp", "GoodsReceived");
        JsonNode posted = trace.path("steps").get(2);
        assertThat(posted.path("reportingSystem").asText()).isEqualTo("ERP_NA");
        assertThat(posted.path("connector").asText()).isEqualTo("erp-na-connector");
        assertThat(posted.path("recordedAt").asText()).isNotEmpty();
        assertThat(posted.path("summary").asText()).contains("erpDocumentNumber=4500000777");
        assertThat(trace.path("steps").get(1).path("correlationId").asText()).isEqualTo(correlation);
        assertThat(trace.path("steps").get(1).path("causationId").asText()).isNotEmpty();

        JsonNode byCorrelation = api.get("/api/v1/trace?correlationId=" + correlation, REPORTING_KEY).body();
        assertThat(byCorrelation.path("steps").findValuesAsText("event")).containsExactly("RequisitionApproved",
                "PurchaseOrderIssued");

        Response unknown = api.get("/api/v1/trace/PO-NEVER-SEEN", REPORTING_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("trace-not-found");
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void listsADuplicateSupplierRequestOnceWithWhatHappenedToIt() {
        String holder = newSupplierId();
        String vat = newVatNumber();
        ok("/api/v1/suppliers/" + holder + "/request", PROCUREMENT_KEY, request(vat));
        String refused = newSupplierId();
        Map<String, Object> duplicate = request(vat);
        for (int attempt = 0; attempt < 2; attempt++) {
            Response answer = api.post("/api/v1/suppliers/" + refused + "/request", PROCUREMENT_KEY, duplicate);
            assertThat(answer.status()).as("a retried duplicate is refused again").isEqualTo(409);
            assertThat(answer.code()).isEqualTo("duplicate-supplier");
        }

        JsonNode caught = await().atMost(Duration.ofSeconds(20)).until(() -> api.get(
                "/api/v1/reconciliation/duplicates?documentType=SUPPLIER&documentId=" + holder, REPORTING_KEY).body(),
                page -> page.path("items").findValuesAsText("attemptedId").contains(refused));
        List<JsonNode> mine = new ArrayList<>();
        caught.path("items").forEach(item -> {
            if (item.path("attemptedId").asText().equals(refused)) {
                mine.add(item);
            }
        });
        assertThat(mine).as("recorded once although the request came twice").hasSize(1);
        JsonNode row = mine.get(0);
        assertThat(row.path("originalId").asText()).isEqualTo(holder);
        assertThat(row.path("matchKey").asText()).isEqualTo("VAT " + vat);
        assertThat(row.path("kind").asText()).isEqualTo("EXACT");
        assertThat(row.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(row.path("connector").asText()).isEqualTo("procurement-connector");
        assertThat(events.eventTypes(refused)).as("the refused request wrote nothing of its own").isEmpty();
        assertThat(events.eventTypes(holder)).containsExactly("SupplierRequested", "DuplicateSupplierRequestCaught");
    }

    @Test
    void refusesBadFiltersWithAProblem() {
        Response badFlag = api.get("/api/v1/reconciliation?divergence=LATE", REPORTING_KEY);
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.contentType()).startsWith("application/problem+json");
        assertThat(badFlag.body().path("detail").asText()).contains("NOT_ACKNOWLEDGED");
        assertThat(api.get("/api/v1/reconciliation?divergentFor=30min", REPORTING_KEY).status()).isEqualTo(400);
        Response missing = api.get("/api/v1/reconciliation/PURCHASE_ORDER/PO-NEVER-SEEN", REPORTING_KEY);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("reconciliation-entry-not-found");
    }

    private Map<String, Long> counts(String legalEntity) {
        JsonNode counts = api.get("/api/v1/reconciliation/counts?legalEntity=" + legalEntity, REPORTING_KEY).body();
        Map<String, Long> byKey = new java.util.HashMap<>();
        counts.path("counts").forEach(c -> byKey.put(c.path("flag").asText() + "/" + c.path("region").asText() + "/"
                + c.path("system").asText(), c.path("count").asLong()));
        return byKey;
    }

    private JsonNode trace(String po) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/trace/" + po, REPORTING_KEY),
                r -> r.status() == 200 && r.body().path("steps").findValuesAsText("event")
                        .contains("PurchaseOrderIssued")).body();
    }

    private static Map<String, Object> posting(String erp, int version, String total, String currency, String status) {
        Map<String, Object> body = erpPosting(erp, version, erp.replace('_', '-') + "-" + version);
        if (total != null) {
            body.put("postedTotal", total);
            body.put("currency", currency);
        }
        if (status != null) {
            body.put("erpStatus", status);
        }
        return body;
    }

    private Response ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static String po(String id, String action) {
        return "/api/v1/purchase-orders/" + id + "/" + action;
    }

    private JsonNode awaitEntry(String type, String id, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/reconciliation/" + type + "/" + id,
                REPORTING_KEY), r -> r.status() == 200 && until.test(r.body())).body();
    }

    private JsonNode entryNow(String type, String id) {
        return api.get("/api/v1/reconciliation/" + type + "/" + id, REPORTING_KEY).body();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("documentId");
    }

    private static JsonNode entry(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("documentId").asText().equals(id)) {
                return item;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

}
