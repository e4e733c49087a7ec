package org.integrationledger.app.sla;

import org.integrationledger.app.observability.SlaMetrics;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.query.sla.SlaEvaluator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the curl walk-through of docs/slas.md against a test instance, so the documented example stays true.
 * The shared test context parks the scheduled evaluator (SLA tests drive it themselves), so this test runs the
 * evaluator and the metrics refresh on a schedule of its own, as the running ledger does.
 */
class SlaDocsWalkthroughTest extends LedgerIntegrationTest {

    @LocalServerPort
    private int port;
    @Autowired
    private SlaEvaluator evaluator;
    @Autowired
    private SlaMetrics metrics;

    @Test
    void theSlaWalkthroughWorksAsDocumented() throws IOException, InterruptedException {
        String doc = Files.readString(Path.of("..", "docs", "slas.md"));
        String block = doc.substring(doc.indexOf("<!-- walkthrough:start -->"), doc.indexOf("<!-- walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"))
                .replace("LEDGER=http://localhost:8080", "LEDGER=http://localhost:" + port);

        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        schedule.scheduleWithFixedDelay(() -> {
            evaluator.evaluate();
            metrics.refresh();
        }, 1, 1, TimeUnit.SECONDS);
        String output;
        Process bash;
        try {
            bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
            assertThat(bash.waitFor(90, TimeUnit.SECONDS)).isTrue();
            output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            schedule.shutdownNow();
        }

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).as(output)
                .contains("\"name\":\"po-approved-to-posted\"").contains("\"name\":\"payment-confirmed-to-procurement\"")
                .containsPattern("\"documentId\":\"PO-SLA-\\d+-1\",\"documentType\":\"PurchaseOrder\",\"clockKey\":\"-\","
                        + "\"state\":\"BREACHED\",\"severity\":\"HIGH\",\"legalEntity\":\"US01\",\"system\":\"ERP_NA\","
                        + "\"region\":\"NA\"")
                .containsPattern("\"documentId\":\"PO-SLA-\\d+-2\",\"documentType\":\"PurchaseOrder\",\"clockKey\":\"-\","
                        + "\"state\":\"AT_RISK\"")
                .containsPattern("\"documentId\":\"PO-SLA-\\d+-3\",\"documentType\":\"PurchaseOrder\",\"clockKey\":\"-\","
                        + "\"state\":\"MET\"")
                .containsPattern("\"documentId\":\"PO-SLA-\\d+-1\",\"documentType\":\"PurchaseOrder\",\"clockKey\":\"-\","
                        + "\"state\":\"MET_LATE\"")
                .containsPattern("\"clockKey\":\"PROCUREMENT@v1\",\"state\":\"BREACHED\"")
                .containsPattern("\"clockKey\":\"ERP_EMEA@v1\",\"state\":\"MET\"")
                .containsPattern("\"met\":[1-9]\\d*,\"metLate\":[1-9]")
                .containsPattern("ledger_sla_open\\{region=\"GLOBAL\",rule=\"supplier-version-acknowledged\","
                        + "state=\"BREACHED\"} [1-9]");
    }
}
