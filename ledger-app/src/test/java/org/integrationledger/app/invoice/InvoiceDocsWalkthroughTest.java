package org.integrationledger.app.invoice;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the curl walk-through of docs/invoices.md against a test instance, so the documented example stays true. */
class InvoiceDocsWalkthroughTest extends LedgerIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void theInvoiceWalkthroughWorksAsDocumented() throws IOException, InterruptedException {
        String doc = Files.readString(Path.of("..", "docs", "invoices.md"));
        String block = doc.substring(doc.indexOf("<!-- walkthrough:start -->"), doc.indexOf("<!-- walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"))
                .replace("LEDGER=http://localhost:8080", "LEDGER=http://localhost:" + port);

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("\"recorded\":[\"InvoiceReceived\",\"InvoiceMatchVarianceFound\",\"InvoiceExceptionRaised\"]")
                .contains("\"code\":\"duplicate-invoice\"")
                .contains("was already received as invoice INV-2026-0001 (number KW-000815)")
                .contains("\"code\":\"approver-is-submitter\"")
                .contains("\"recorded\":[\"InvoiceTaxValidated\"]")
                .contains("\"recorded\":[\"InvoicePostedInErp\"]")
                .contains("\"recorded\":[\"InvoicePaymentExecuted\"]")
                .contains("\"paymentReference\":\"PAY-2026-0001\"")
                .contains("\"recorded\":[\"PaymentConfirmationAcknowledged\"]");
        String view = output.substring(output.lastIndexOf("{\"invoiceId\""));
        assertThat(view).contains("\"matchStatus\":\"MATCHED\"", "\"taxStatus\":\"VALIDATED\"",
                "\"erpStatus\":\"POSTED\"", "\"postingControlViolation\":false", "\"paymentStatus\":\"PAID\"",
                "\"confirmationStatus\":\"ACKNOWLEDGED\"", "\"openExceptions\":[]");
    }
}
