package org.integrationledger.app;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the README's curl walk-through against a test instance, so the documented example stays true. */
class ReadmeWalkthroughTest extends LedgerIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void theReadmeWalkthroughWorksAsDocumented() throws IOException, InterruptedException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String block = readme.substring(readme.indexOf("<!-- walkthrough:start -->"),
                readme.indexOf("<!-- walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"))
                .replace("LEDGER=http://localhost:8080", "LEDGER=http://localhost:" + port);

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("\"recorded\":[\"PurchaseOrderIssued\"]")
                .contains("\"replayed\":true")
                .contains("\"recorded\":[\"PurchaseOrderPostedInErp\"]")
                .contains("\"procurementStatus\":\"ISSUED\"")
                .contains("\"erpStatus\":\"POSTED\",\"erpSystem\":\"ERP_NA\",\"erpVersion\":1,"
                        + "\"erpDocumentNumber\":\"4500000001\"")
                .contains("\"code\":\"duplicate-line-number\"");
    }
}
