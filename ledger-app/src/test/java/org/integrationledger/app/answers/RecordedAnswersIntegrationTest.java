package org.integrationledger.app.answers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.sla.SlaEvaluator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.AUDITOR_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.LedgerApi.TAX_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;

/**
 * The query API answers a fixed reference scenario exactly as recorded: refactoring the read side must not change
 * one byte of what readers get. The scenario is sent through the connector API with fixed document ids, message
 * ids and business times (early March 2025, before any other test's traffic, so lists ordered by business time or
 * divergence age show it first), the test waits until every processor has handled every event, evaluates the
 * SLA clocks, then reads a broad set of query endpoints and compares each body, pretty-printed in the server's
 * field order, with its file under {@code src/test/resources/recorded-answers/}.
 *
 * <p>Normalised before comparing, because they are legitimately variable: the wall-clock fields {@code recordedAt},
 * {@code lastRecordedAt}, {@code startRecordedAt} and {@code stopRecordedAt}; {@code atRiskSince} and
 * {@code breachedSince} (when the evaluator ran); {@code age}, {@code ageSeconds}, {@code overdueBy} and
 * {@code waitingSeconds} (how long before now); the store position {@code globalIndex} (other tests share the
 * store); and the generated ids {@code eventId}, {@code correlationId} and {@code causationId}. The members of
 * {@code vendorNumbers} are sorted by key: the API builds it with {@code Map.copyOf}, whose order changes from one
 * JVM to the next. Numbers keep their written scale. Lists are read with a selective filter where the API has one
 * and otherwise cut to this scenario's documents with their page totals removed, since other tests share the
 * database.
 *
 * <p>To record the files anew from the code as it is (only when an answer is meant to change), run
 * {@code ./mvnw -pl ledger-app test -Dtest=RecordedAnswersIntegrationTest -Dledger.record-answers=true} and review
 * the diff; the run then passes without comparing.
 */
class RecordedAnswersIntegrationTest extends LedgerIntegrationTest {

    private static final Path RECORDED = Path.of("src/test/resources/recorded-answers");
    private static final boolean RECORD = Boolean.getBoolean("ledger.record-answers");
    private static final Set<String> VARIABLE = Set.of("recordedAt", "lastRecordedAt", "startRecordedAt",
            "stopRecordedAt", "atRiskSince", "breachedSince", "age", "ageSeconds", "overdueBy", "waitingSeconds",
            "globalIndex", "eventId", "correlationId", "causationId");
    /** Maps the API builds with {@code Map.copyOf}, whose order differs from one JVM to the next. */
    private static final Set<String> UNORDERED = Set.of("vendorNumbers");
    /** Numbers are kept as written (2175.00 stays 2175.00), so the comparison sees the server's scale. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final String SUPPLIER = "SUP-REC-0001";
    private static final String PO_NA = "PO-REC-NA-0001";
    private static final String PO_EMEA = "PO-REC-EMEA-0001";
    private static final String INVOICE_PAID = "INV-REC-0001";
    private static final String INVOICE_TAX_FAILED = "INV-REC-0002";
    private static final Set<String> DOCUMENTS = Set.of(SUPPLIER, PO_NA, PO_EMEA, INVOICE_PAID, INVOICE_TAX_FAILED,
            INVOICE_PAID + ":PAY-REC-1");

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SlaEvaluator evaluator;

    private int message;

    @Test
    void answersTheReferenceScenarioAsRecorded() throws IOException {
        sendScenario();
        awaitAllProcessorsSettled();
        evaluator.evaluate();

        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("reconciliation-purchase-order-na", get("/api/v1/reconciliation/PURCHASE_ORDER/" + PO_NA));
        answers.put("reconciliation-purchase-order-emea", get("/api/v1/reconciliation/PURCHASE_ORDER/" + PO_EMEA));
        answers.put("reconciliation-supplier", get("/api/v1/reconciliation/SUPPLIER/" + SUPPLIER));
        answers.put("reconciliation-invoice-paid", get("/api/v1/reconciliation/INVOICE/" + INVOICE_PAID));
        answers.put("reconciliation-invoice-tax-failed",
                get("/api/v1/reconciliation/INVOICE/" + INVOICE_TAX_FAILED));
        answers.put("reconciliation-payment", get("/api/v1/reconciliation/PAYMENT/" + INVOICE_PAID + ":PAY-REC-1"));
        answers.put("reconciliation-list-not-acknowledged", scenarioItems(get(
                "/api/v1/reconciliation?divergence=NOT_ACKNOWLEDGED&size=500")));
        answers.put("reconciliation-list-wrong-system-or-behind", scenarioItems(get(
                "/api/v1/reconciliation?divergence=VERSION_BEHIND&size=500")));
        answers.put("reconciliation-duplicates", get("/api/v1/reconciliation/duplicates?documentId=" + INVOICE_PAID));
        answers.put("trace-purchase-order-na", get("/api/v1/trace/" + PO_NA));
        answers.put("trace-purchase-order-emea", get("/api/v1/trace/" + PO_EMEA));
        answers.put("purchase-order-na", get("/api/v1/purchase-orders/" + PO_NA));
        answers.put("purchase-order-emea", get("/api/v1/purchase-orders/" + PO_EMEA));
        answers.put("invoice-paid", get("/api/v1/invoices/" + INVOICE_PAID));
        answers.put("invoice-tax-failed", get("/api/v1/invoices/" + INVOICE_TAX_FAILED));
        answers.put("invoice-exceptions", get("/api/v1/invoice-exceptions?supplierId=" + SUPPLIER));
        answers.put("invoice-duplicates", get("/api/v1/invoice-duplicates?supplierId=" + SUPPLIER));
        answers.put("payments-unconfirmed", scenarioItems(get("/api/v1/payments/unconfirmed?size=500")));
        answers.put("supplier", get("/api/v1/suppliers/" + SUPPLIER));
        answers.put("supplier-copies-unacknowledged", scenarioItems(get(
                "/api/v1/supplier-copies/unacknowledged?unacknowledgedFor=PT4H&size=500")));
        answers.put("sla-documents-purchase-order-na", get("/api/v1/slas/documents/" + PO_NA));
        answers.put("sla-documents-purchase-order-emea", get("/api/v1/slas/documents/" + PO_EMEA));
        answers.put("sla-documents-supplier", get("/api/v1/slas/documents/" + SUPPLIER));
        answers.put("sla-documents-invoice-paid", get("/api/v1/slas/documents/" + INVOICE_PAID));
        answers.put("sla-documents-invoice-tax-failed", get("/api/v1/slas/documents/" + INVOICE_TAX_FAILED));
        answers.put("sla-open", scenarioItems(get("/api/v1/slas/open?size=500")));
        answers.put("sla-history-po", get("/api/v1/slas/history?rule=po-approved-to-posted&from="
                + T0.minus(Duration.ofDays(1)) + "&to=" + T0.plus(Duration.ofDays(7))));
        answers.put("sla-history-invoice", get("/api/v1/slas/history?rule=invoice-received-to-matched&from="
                + T0.minus(Duration.ofDays(1)) + "&to=" + T0.plus(Duration.ofDays(7))));
        answers.put("audit-history-purchase-order-na", get("/api/v1/audit/documents/" + PO_NA
                + "/history?type=purchase-order"));
        answers.put("audit-history-invoice-paid", get("/api/v1/audit/documents/" + INVOICE_PAID
                + "/history?type=invoice"));
        answers.put("audit-history-supplier", get("/api/v1/audit/documents/" + SUPPLIER + "/history?type=supplier"));

        List<String> mismatches = new ArrayList<>();
        Files.createDirectories(RECORDED);
        for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
            Path file = RECORDED.resolve(answer.getKey() + ".json");
            String actual = JSON.writeValueAsString(normalised(answer.getValue())) + "\n";
            if (RECORD) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } else if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(actual)) {
                mismatches.add(answer.getKey() + ":\n" + actual);
            }
        }
        assertThat(mismatches).as("answers that differ from their recorded file (rerun with "
                + "-Dledger.record-answers=true only if the change is meant)").isEmpty();
    }

    private void sendScenario() {
        // The supplier: requested by procurement, approved, golden record at ERP_NA; ERP_EMEA acknowledges its copy,
        // procurement's copy stays unacknowledged.
        Map<String, Object> request = envelope("PROCUREMENT", T0.minus(Duration.ofDays(1)));
        request.put("legalName", "Kugellager Werke GmbH");
        request.put("taxIds", List.of(Map.of("scheme", "VAT", "country", "DE", "value", "DE900000017")));
        request.put("addresses", List.of(Map.of("purpose", "REMIT_TO", "street", "Industriestr. 1",
                "city", "Schweinfurt", "postalCode", "97421", "country", "DE")));
        request.put("paymentTerms", "NET30");
        request.put("bankAccountNumber", "DE89370400440532013000");
        request.put("requestingLegalEntities", List.of("DE01", "US01"));
        request.put("requestedBy", "buyer.anna@example.com");
        send("/api/v1/suppliers/" + SUPPLIER + "/request", PROCUREMENT_KEY, request);
        Map<String, Object> approval = envelope("PROCUREMENT", T0.minus(Duration.ofHours(23)));
        approval.put("decidedBy", "vendor.master@example.com");
        send("/api/v1/suppliers/" + SUPPLIER + "/approval", PROCUREMENT_KEY, approval);
        Map<String, Object> golden = envelope("ERP_NA", T0.minus(Duration.ofHours(22)));
        golden.put("vendorNumber", "V-REC-1");
        send("/api/v1/suppliers/" + SUPPLIER + "/golden-record", ERP_NA_KEY, golden);
        Map<String, Object> copy = envelope("ERP_EMEA", T0.minus(Duration.ofHours(21)));
        copy.put("version", 1);
        copy.put("reference", "EMEA-V1");
        copy.put("bankAccountNumber", "DE89370400440532013000");
        send("/api/v1/suppliers/" + SUPPLIER + "/acknowledgments", ERP_EMEA_KEY, copy);

        // The NA order: approved, issued, posted at version 1, amended to version 2 (its ERP a version behind),
        // received in full.
        send("/api/v1/purchase-orders/" + PO_NA + "/requisition-approval", PROCUREMENT_KEY,
                requisitionApproval("US01", "REQ-REC-NA", T0));
        send("/api/v1/purchase-orders/" + PO_NA + "/issue", PROCUREMENT_KEY,
                issue("US01", "USD", "REQ-REC-NA", T0.plus(Duration.ofMinutes(5))));
        Map<String, Object> posting = envelope("ERP_NA", T0.plus(Duration.ofMinutes(20)));
        posting.put("version", 1);
        posting.put("erpDocumentNumber", "45001");
        send("/api/v1/purchase-orders/" + PO_NA + "/erp-postings", ERP_NA_KEY, posting);
        Map<String, Object> amendment = envelope("PROCUREMENT", T0.plus(Duration.ofHours(2)));
        amendment.put("version", 2);
        amendment.put("currency", "USD");
        amendment.put("totalAmount", "2175.00");
        amendment.put("lines", List.of(line(1, "Ball bearing 6204", "110", "12.50"),
                line(2, "Bearing housing", "10", "80.00")));
        amendment.put("reason", "quantity change requested by plant");
        send("/api/v1/purchase-orders/" + PO_NA + "/amendments", PROCUREMENT_KEY, amendment);
        Map<String, Object> receipt = envelope("PROCUREMENT", T0.plus(Duration.ofDays(1)));
        receipt.put("receiptNumber", "GR-REC-1");
        receipt.put("lines", List.of(Map.of("lineNumber", 1, "quantity", "100", "unitOfMeasure", "EA"),
                Map.of("lineNumber", 2, "quantity", "10", "unitOfMeasure", "EA")));
        send("/api/v1/purchase-orders/" + PO_NA + "/goods-receipts", PROCUREMENT_KEY, receipt);

        // The EMEA order: approved and issued, never posted by ERP_EMEA.
        send("/api/v1/purchase-orders/" + PO_EMEA + "/requisition-approval", PROCUREMENT_KEY,
                requisitionApproval("DE01", "REQ-REC-EMEA", T0.plus(Duration.ofMinutes(30))));
        send("/api/v1/purchase-orders/" + PO_EMEA + "/issue", PROCUREMENT_KEY,
                issue("DE01", "EUR", "REQ-REC-EMEA", T0.plus(Duration.ofMinutes(35))));

        // An invoice of the NA order: validated, posted, paid; procurement has not acknowledged the confirmation.
        Instant invoiced = T0.plus(Duration.ofDays(2));
        send("/api/v1/invoices/" + INVOICE_PAID + "/receipt", PROCUREMENT_KEY,
                invoice(PO_NA, "SI-REC-1", "USD", invoiced));
        Map<String, Object> validated = envelope("TAX_ENGINE", invoiced.plus(Duration.ofMinutes(5)));
        validated.put("valid", true);
        send("/api/v1/invoices/" + INVOICE_PAID + "/tax-validations", TAX_KEY, validated);
        Map<String, Object> invoicePosting = envelope("ERP_NA", invoiced.plus(Duration.ofHours(3)));
        invoicePosting.put("erpDocumentNumber", "51001");
        invoicePosting.put("fiscalPeriod", "2025-03");
        send("/api/v1/invoices/" + INVOICE_PAID + "/erp-postings", ERP_NA_KEY, invoicePosting);
        Map<String, Object> payment = envelope("TREASURY", invoiced.plus(Duration.ofDays(1)));
        payment.put("paymentReference", "PAY-REC-1");
        payment.put("currency", "USD");
        payment.put("amount", "2214.00");
        payment.put("valueDate", "2025-03-06");
        payment.put("beneficiaryAccountNumber", "DE89370400440532013000");
        send("/api/v1/invoices/" + INVOICE_PAID + "/payments", TREASURY_KEY, payment);

        // The paid invoice submitted again under another id: refused, and caught as a duplicate.
        send("/api/v1/invoices/INV-REC-0003/receipt", PROCUREMENT_KEY,
                invoice(PO_NA, "SI-REC-1", "USD", invoiced.plus(Duration.ofMinutes(30))), 409);

        // An invoice of the EMEA order whose tax validation fails: an exception for the AP queue.
        send("/api/v1/invoices/" + INVOICE_TAX_FAILED + "/receipt", PROCUREMENT_KEY,
                invoice(PO_EMEA, "SI-REC-2", "EUR", invoiced.plus(Duration.ofHours(1))));
        Map<String, Object> failed = envelope("TAX_ENGINE", invoiced.plus(Duration.ofMinutes(65)));
        failed.put("valid", false);
        failed.put("reasonCodes", List.of("VAT_ID_INVALID"));
        failed.put("detail", "supplier VAT id not found in VIES");
        send("/api/v1/invoices/" + INVOICE_TAX_FAILED + "/tax-validations", TAX_KEY, failed);
    }

    private Map<String, Object> requisitionApproval(String legalEntity, String requisition, Instant at) {
        Map<String, Object> body = envelope("PROCUREMENT", at);
        body.put("requisitionNumber", requisition);
        body.put("approvedBy", "j.doe@example.test");
        body.put("legalEntity", legalEntity);
        return body;
    }

    private Map<String, Object> issue(String legalEntity, String currency, String requisition, Instant at) {
        Map<String, Object> body = envelope("PROCUREMENT", at);
        body.put("supplierId", SUPPLIER);
        body.put("legalEntity", legalEntity);
        body.put("requisitionNumber", requisition);
        body.put("currency", currency);
        body.put("totalAmount", "2050.00");
        body.put("lines", List.of(line(1, "Ball bearing 6204", "100", "12.50"),
                line(2, "Bearing housing", "10", "80.00")));
        return body;
    }

    private Map<String, Object> invoice(String purchaseOrder, String number, String currency, Instant at) {
        Map<String, Object> body = envelope("PROCUREMENT", at);
        body.put("supplierId", SUPPLIER);
        body.put("supplierInvoiceNumber", number);
        body.put("invoiceDate", "2025-03-05");
        body.put("purchaseOrderId", purchaseOrder);
        body.put("currency", currency);
        body.put("netAmount", "2050.00");
        body.put("taxAmount", "164.00");
        body.put("grossAmount", "2214.00");
        body.put("submittedBy", "ap.clerk@example.com");
        body.put("lines", List.of(
                Map.of("lineNumber", 1, "purchaseOrderLine", 1, "quantity", "100", "unitOfMeasure", "EA",
                        "unitPrice", "12.50", "taxCode", "S1"),
                Map.of("lineNumber", 2, "purchaseOrderLine", 2, "quantity", "10", "unitOfMeasure", "EA",
                        "unitPrice", "80.00", "taxCode", "S1")));
        return body;
    }

    private static Map<String, Object> line(int number, String description, String quantity, String unitPrice) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineNumber", number);
        line.put("description", description);
        line.put("quantity", quantity);
        line.put("unitOfMeasure", "EA");
        line.put("unitPrice", unitPrice);
        return line;
    }

    private Map<String, Object> envelope(String reportingSystem, Instant occurredAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", "msg-recorded-answers-%03d".formatted(++message));
        body.put("reportingSystem", reportingSystem);
        body.put("occurredAt", occurredAt.toString());
        return body;
    }

    private void send(String path, String key, Map<String, Object> body) {
        send(path, key, body, 200);
    }

    private void send(String path, String key, Map<String, Object> body, int status) {
        LedgerApi.Response response = api.post(path, key, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(status);
    }

    private JsonNode get(String path) {
        String key = path.startsWith("/api/v1/audit/") ? AUDITOR_KEY : REPORTING_KEY;
        LedgerApi.TextResponse response = api.getText(path, key, "application/json");
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until every streaming processor has handled every stored event and the store stops growing (policies
     * and sagas answer events with commands of their own).
     */
    private void awaitAllProcessorsSettled() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            long head = head();
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .allMatch(processor -> !processor.processingStatus().isEmpty() && !processor.isReplaying()
                            && processor.processingStatus().values().stream()
                            .map(EventTrackerStatus::getCurrentPosition)
                            .allMatch(position -> position.isPresent() && position.getAsLong() >= head));
            return caughtUp && head() == head;
        });
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    /** A page cut to this scenario's documents; its totals count other tests' documents too, so they go. */
    private static JsonNode scenarioItems(JsonNode page) {
        JsonNode items = page.isArray() ? page : page.path("items");
        ArrayNode kept = JSON.createArrayNode();
        Predicate<JsonNode> ours = item -> {
            for (String field : List.of("documentId", "invoiceId", "supplierId", "purchaseOrderId")) {
                if (DOCUMENTS.contains(item.path(field).asText())) {
                    return true;
                }
            }
            return false;
        };
        items.forEach(item -> {
            if (ours.test(item)) {
                kept.add(item);
            }
        });
        return kept;
    }

    private static JsonNode normalised(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(field -> copy.set(field.getKey(),
                    VARIABLE.contains(field.getKey()) && !field.getValue().isNull()
                            ? TextNode.valueOf("<variable>") : normalised(field.getValue())));
            UNORDERED.stream().filter(copy::has).filter(name -> copy.get(name).isObject()).forEach(name -> {
                ObjectNode sorted = JSON.createObjectNode();
                new TreeMap<>(((ObjectNode) copy.get(name)).properties().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))).forEach(sorted::set);
                copy.set(name, sorted);
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(normalised(element)));
            return copy;
        }
        return node;
    }
}
