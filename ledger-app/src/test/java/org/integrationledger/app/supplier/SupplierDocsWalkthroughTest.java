package org.integrationledger.app.supplier;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the curl walk-through of docs/suppliers.md against a test instance, so the documented example stays true. */
class SupplierDocsWalkthroughTest extends LedgerIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void theSupplierWalkthroughWorksAsDocumented() throws IOException, InterruptedException {
        String doc = Files.readString(Path.of("..", "docs", "suppliers.md"));
        String block = doc.substring(doc.indexOf("<!-- walkthrough:start -->"), doc.indexOf("<!-- walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"))
                .replace("LEDGER=http://localhost:8080", "LEDGER=http://localhost:" + port);

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("\"recorded\":[\"SupplierRequested\"]")
                .contains("\"recorded\":[\"GoldenRecordCreated\",\"SupplierVersionPropagationRequested\"]")
                .contains("\"recorded\":[\"SupplierCopyAcknowledged\"]")
                .contains("\"code\":\"not-golden-record-owner\"")
                .contains("\"recorded\":[\"BankAccountChangeApproved\",\"SupplierVersionPropagationRequested\"]")
                .contains("\"code\":\"duplicate-supplier\"")
                .contains("is already registered as supplier SUP-2026-0001")
                .contains("\"bankAccountMasked\":\"****5555\"")
                .contains("\"ERP_NA\":\"V-100042\"").contains("\"ERP_EMEA\":\"E-7001\"")
                .doesNotContain("DE89370400440532013000").doesNotContain("GB33BUKB20201555555555");
        assertThat(output.substring(output.lastIndexOf("\"items\""))).contains("\"supplierId\":\"SUP-2026-0001\"")
                .contains("\"system\":\"ERP_EMEA\"");
    }
}
