package org.integrationledger.app.contract;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.client.ApiClient;
import org.integrationledger.client.ApiException;
import org.integrationledger.client.api.InvoicesConnectorCommandsApi;
import org.integrationledger.client.api.InvoicesViewsApi;
import org.integrationledger.client.api.PurchaseOrdersConnectorCommandsApi;
import org.integrationledger.client.api.ReconciliationAndTraceApi;
import org.integrationledger.client.model.CommandOutcome;
import org.integrationledger.client.model.ConfirmationAcknowledgmentRequest;
import org.integrationledger.client.model.ConfirmationDeliveryRequest;
import org.integrationledger.client.model.GoodsReceiptRequest;
import org.integrationledger.client.model.InvoiceLineRequest;
import org.integrationledger.client.model.InvoicePostingAcknowledgmentRequest;
import org.integrationledger.client.model.InvoiceSummary;
import org.integrationledger.client.model.IssueRequest;
import org.integrationledger.client.model.LineRequest;
import org.integrationledger.client.model.PaymentExecutionRequest;
import org.integrationledger.client.model.PaymentScheduleRequest;
import org.integrationledger.client.model.PostingAcknowledgmentRequest;
import org.integrationledger.client.model.ReceiptLineRequest;
import org.integrationledger.client.model.ReceiptRequest;
import org.integrationledger.client.model.ReconciliationEntry;
import org.integrationledger.client.model.TaxValidationRequest;
import org.integrationledger.client.model.Trace;
import org.integrationledger.client.model.TraceStep;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The committed contract is usable by the tools connector teams use: a Java client generated from
 * {@code docs/openapi.json} by openapi-generator (module {@code ledger-client}) drives a purchase order through goods
 * receipt, invoice, match, ERP posting and payment to procurement's acknowledgment, each connector with its own key,
 * and reads the outcome back through the same client. No request here is written by hand.
 */
class GeneratedClientFlowIntegrationTest extends LedgerIntegrationTest {

    private static final OffsetDateTime MONDAY_9AM = OffsetDateTime.parse("2026-11-23T09:00:00Z");
    private static final String SUPPLIER = "SUP-4711";

    @LocalServerPort
    private int port;

    @Test
    void drivesAPurchaseOrderToAnAcknowledgedPaymentThroughTheGeneratedClient() throws ApiException {
        String order = "PO-GEN-" + unique();
        String invoice = "INV-GEN-" + unique();

        PurchaseOrdersConnectorCommandsApi procurement = new PurchaseOrdersConnectorCommandsApi(client("dev-procurement-key"));
        CommandOutcome issued = procurement.issue(order, new IssueRequest()
                .messageId(messageId()).reportingSystem("PROCUREMENT").occurredAt(MONDAY_9AM)
                .supplierId(SUPPLIER).legalEntity("US01").requisitionNumber("REQ-" + unique()).currency("USD")
                .totalAmount(new BigDecimal("2050.00"))
                .addLinesItem(new LineRequest().lineNumber(1).description("Ball bearing 6204")
                        .quantity(new BigDecimal("100")).unitOfMeasure("EA").unitPrice(new BigDecimal("12.50")))
                .addLinesItem(new LineRequest().lineNumber(2).description("Bearing housing")
                        .quantity(new BigDecimal("10")).unitOfMeasure("EA").unitPrice(new BigDecimal("80.00"))), null);
        assertThat(issued.getRecorded()).contains("PurchaseOrderIssued");

        new PurchaseOrdersConnectorCommandsApi(client("dev-erp-na-key")).acknowledgePosting(order,
                new PostingAcknowledgmentRequest().messageId(messageId()).reportingSystem("ERP_NA")
                        .occurredAt(MONDAY_9AM.plusMinutes(10)).version(1).erpDocumentNumber("4500" + digits()), null);
        procurement.receiveGoods(order, new GoodsReceiptRequest().messageId(messageId()).reportingSystem("PROCUREMENT")
                .occurredAt(MONDAY_9AM.plusDays(1)).receiptNumber("GR-" + unique())
                .addLinesItem(new ReceiptLineRequest().lineNumber(1).quantity(new BigDecimal("100")).unitOfMeasure("EA"))
                .addLinesItem(new ReceiptLineRequest().lineNumber(2).quantity(new BigDecimal("10")).unitOfMeasure("EA")),
                null);

        OffsetDateTime invoiced = MONDAY_9AM.plusDays(1).plusHours(2);
        CommandOutcome received = new InvoicesConnectorCommandsApi(client("dev-procurement-key")).receive(invoice,
                new ReceiptRequest().messageId(messageId()).reportingSystem("PROCUREMENT").occurredAt(invoiced)
                        .supplierId(SUPPLIER).supplierInvoiceNumber("SI-" + unique())
                        .invoiceDate(LocalDate.parse("2026-11-24")).purchaseOrderId(order).currency("USD")
                        .netAmount(new BigDecimal("2050.00")).taxAmount(new BigDecimal("164.00"))
                        .grossAmount(new BigDecimal("2214.00")).submittedBy("ap.clerk@example.com")
                        .addLinesItem(invoiceLine(1, 1, "100", "12.50"))
                        .addLinesItem(invoiceLine(2, 2, "10", "80.00")), null);
        assertThat(received.getRecorded()).containsExactly("InvoiceReceived", "InvoiceMatched");

        new InvoicesConnectorCommandsApi(client("dev-tax-key")).reportTaxValidation(invoice,
                new TaxValidationRequest().messageId(messageId()).reportingSystem("TAX_ENGINE")
                        .occurredAt(invoiced.plusMinutes(5)).valid(true), null);
        new InvoicesConnectorCommandsApi(client("dev-erp-na-key")).acknowledgePosting1(invoice,
                new InvoicePostingAcknowledgmentRequest().messageId(messageId()).reportingSystem("ERP_NA")
                        .occurredAt(invoiced.plusHours(3)).erpDocumentNumber("5100" + digits()).fiscalPeriod("2026-11"),
                null);
        InvoicesConnectorCommandsApi treasury = new InvoicesConnectorCommandsApi(client("dev-treasury-key"));
        treasury.schedulePayment(invoice, new PaymentScheduleRequest().messageId(messageId()).reportingSystem("TREASURY")
                .occurredAt(invoiced.plusHours(4)).paymentReference("PAY-1").currency("USD")
                .amount(new BigDecimal("2214.00")).dueDate(LocalDate.parse("2026-12-24")), null);
        PaymentExecutionRequest payment = new PaymentExecutionRequest().messageId(messageId())
                .reportingSystem("TREASURY").occurredAt(invoiced.plusDays(1)).paymentReference("PAY-1")
                .currency("USD").amount(new BigDecimal("2214.00")).valueDate(LocalDate.parse("2026-11-25"));
        treasury.recordPayment(invoice, payment, null);
        assertThat(treasury.recordPayment(invoice, payment, null).getReplayed())
                .as("a retried message through the client changes nothing").isTrue();
        treasury.recordConfirmationDelivery(invoice, new ConfirmationDeliveryRequest().messageId(messageId())
                .reportingSystem("TREASURY").occurredAt(invoiced.plusDays(1).plusMinutes(1)).paymentReference("PAY-1"),
                null);
        new InvoicesConnectorCommandsApi(client("dev-procurement-key")).acknowledgeConfirmation(invoice,
                new ConfirmationAcknowledgmentRequest().messageId(messageId()).reportingSystem("PROCUREMENT")
                        .occurredAt(invoiced.plusDays(1).plusMinutes(5)).paymentReference("PAY-1"), null);

        ApiClient reporting = client("dev-reporting-key");
        InvoiceSummary paid = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> new InvoicesViewsApi(reporting).find2(invoice),
                        view -> view.getConfirmationStatus() == InvoiceSummary.ConfirmationStatusEnum.ACKNOWLEDGED);
        assertThat(paid.getMatchStatus()).isEqualTo(InvoiceSummary.MatchStatusEnum.MATCHED);
        assertThat(paid.getTaxStatus()).isEqualTo(InvoiceSummary.TaxStatusEnum.VALIDATED);
        assertThat(paid.getErpStatus()).isEqualTo(InvoiceSummary.ErpStatusEnum.POSTED);
        assertThat(paid.getFiscalPeriod()).isEqualTo("2026-11");
        assertThat(paid.getPaymentStatus()).isEqualTo(InvoiceSummary.PaymentStatusEnum.PAID);
        assertThat(paid.getAmountPaid().getAmount()).isEqualByComparingTo("2214.00");

        ReconciliationAndTraceApi views = new ReconciliationAndTraceApi(reporting);
        Trace trace = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> views.trace(order), found -> found.getSteps().stream()
                        .anyMatch(step -> "PaymentConfirmationAcknowledged".equals(step.getEvent())));
        assertThat(trace.getSteps()).extracting(TraceStep::getEvent).containsSubsequence("PurchaseOrderIssued",
                "PurchaseOrderPostedInErp", "GoodsReceived", "InvoiceReceived", "InvoiceMatched",
                "InvoicePaymentExecuted", "PaymentConfirmationAcknowledged");
        assertThat(trace.getDocuments()).contains("PURCHASE_ORDER/" + order, "INVOICE/" + invoice);
        ReconciliationEntry orderEntry = views.one("PURCHASE_ORDER", order);
        assertThat(orderEntry.getRoutedTo()).isEqualTo("ERP_NA");
    }

    @Test
    void aRefusalReachesTheClientAsProblemDetails() {
        String invoice = "INV-GEN-" + unique();
        InvoicesConnectorCommandsApi treasury = new InvoicesConnectorCommandsApi(client("dev-treasury-key"));

        assertThatThrownBy(() -> treasury.recordPayment(invoice, new PaymentExecutionRequest().messageId(messageId())
                .reportingSystem("TREASURY").occurredAt(MONDAY_9AM).paymentReference("PAY-1").currency("USD")
                .amount(new BigDecimal("1.00")).valueDate(LocalDate.parse("2026-11-25")), null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(404);
                    assertThat(refused.getResponseBody()).contains("\"code\":\"invoice-not-found\"");
                });
    }

    /** The generated client pointed at this ledger, sending one connector's key on every request. */
    private ApiClient client(String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("X-Api-Key", apiKey));
        return client;
    }

    private static InvoiceLineRequest invoiceLine(int number, int orderLine, String quantity, String unitPrice) {
        return new InvoiceLineRequest().lineNumber(number).purchaseOrderLine(orderLine)
                .quantity(new BigDecimal(quantity)).unitOfMeasure("EA").unitPrice(new BigDecimal(unitPrice))
                .taxCode("S1");
    }

    private static String messageId() {
        return "gen-" + UUID.randomUUID();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String digits() {
        return String.valueOf(1_000_000 + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFF));
    }
}
