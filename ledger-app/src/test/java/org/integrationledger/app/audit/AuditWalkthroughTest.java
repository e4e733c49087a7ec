package org.integrationledger.app.audit;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the auditor's walk-through of docs/audit.md against a test instance, so the documented commands stay true. */
class AuditWalkthroughTest extends LedgerIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void theAuditorsWalkthroughWorksAsDocumented() throws IOException, InterruptedException {
        String doc = Files.readString(Path.of("..", "docs", "audit.md"));
        String block = doc.substring(doc.indexOf("<!-- audit-walkthrough:start -->"),
                doc.indexOf("<!-- audit-walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"))
                .replace("LEDGER=http://localhost:8080", "LEDGER=http://localhost:" + port);

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("\"eventType\":\"PurchaseOrderIssued\",\"revision\":\"1\"")
                .contains("\"connectorId\":\"erp-na-connector\"")
                .contains("global_index,aggregate_id,sequence_number,event_type")
                .contains("{\"asOf\":\"close\",\"procurementStatus\":\"ISSUED\",\"erpStatus\":\"NOT_POSTED\","
                        + "\"eventCount\":1}")
                .contains("{\"asOf\":\"now\",\"procurementStatus\":\"ISSUED\",\"erpStatus\":\"POSTED\","
                        + "\"eventCount\":2}")
                .contains("{\"intact\":true,\"firstBrokenLink\":null,\"eventsChecked\":2,")
                .contains("{\"intact\":true,\"scope\":\"everything\",")
                .contains("\"state\":\"COMPLETED\"")
                .contains("rebuilt projection identical to the live one: ");
    }
}
