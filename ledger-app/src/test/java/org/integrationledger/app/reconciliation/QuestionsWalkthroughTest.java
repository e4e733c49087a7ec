package org.integrationledger.app.reconciliation;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the walk-through of docs/questions.md against a test instance, so the documented answers stay true. */
class QuestionsWalkthroughTest extends LedgerIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void theQuestionsWalkthroughAnswersAsDocumented() throws IOException, InterruptedException {
        String doc = Files.readString(Path.of("..", "docs", "questions.md"));
        String block = doc.substring(doc.indexOf("<!-- questions-walkthrough:start -->"),
                doc.indexOf("<!-- questions-walkthrough:end -->"));
        String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"))
                .replace("LEDGER=http://localhost:8080", "LEDGER=http://localhost:" + port);

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).as(output)
                .contains("{\"documentId\":\"PO-Q-0002\",\"legalEntity\":\"DE01\",\"routedTo\":\"ERP_EMEA\","
                        + "\"routingRuleVersion\":1,\"divergences\":[{\"flag\":\"NOT_ACKNOWLEDGED\","
                        + "\"system\":\"ERP_EMEA\",\"since\":\"2026-11-03T11:00:00Z\"}]}")
                .doesNotContain("\"documentId\":\"PO-Q-0001\",\"legalEntity\"")
                .contains("{\"documentId\":\"SUP-Q-0001\",\"businessKey\":\"V-200077\",\"divergences\":[{\"flag\":"
                        + "\"NOT_ACKNOWLEDGED\",\"system\":\"ERP_EMEA\",\"region\":\"EMEA\","
                        + "\"since\":\"2026-11-02T10:00:00Z\"}]}")
                .contains("\"flag\":\"NOT_ACKNOWLEDGED\",\"region\":\"EMEA\",\"system\":\"ERP_EMEA\"")
                .contains("\"code\":\"duplicate-supplier\"")
                .contains("\"code\":\"duplicate-invoice\"")
                .contains("{\"documentId\":\"INV-Q-0002\",\"legalEntity\":\"DE01\",\"region\":\"EMEA\","
                        + "\"divergences\":[{\"flag\":\"REJECTED\",\"region\":\"EMEA\",\"since\":"
                        + "\"2026-11-08T09:05:00Z\",\"detail\":\"tax validation failed (VAT_ID_INVALID)\"}]}")
                .contains("{\"documentId\":\"INV-Q-0001:PAY-Q-0001\",\"businessKey\":\"PAY-Q-0001\","
                        + "\"parentKey\":\"INV-Q-0001\",\"divergences\":[{\"flag\":\"NOT_ACKNOWLEDGED\","
                        + "\"system\":\"PROCUREMENT\",\"since\":\"2026-11-10T10:00:00Z\"}]}")
                .contains("{\"originalId\":\"SUP-Q-0001\",\"attemptedId\":\"SUP-Q-0002\",\"matchKey\":"
                        + "\"VAT DE987654321\",\"kind\":\"EXACT\",\"outcome\":\"REFUSED\","
                        + "\"connector\":\"procurement-connector\"}")
                .contains("{\"businessTime\":\"2026-11-02T10:00:00Z\",\"event\":\"GoldenRecordCreated\","
                        + "\"reportingSystem\":\"ERP_NA\",\"connector\":\"erp-na-connector\",\"correlationId\":\"q-sup\"}")
                .contains("{\"businessTime\":\"2026-11-05T14:00:00Z\",\"event\":\"GoodsReceived\","
                        + "\"reportingSystem\":\"PROCUREMENT\",\"connector\":\"procurement-connector\","
                        + "\"correlationId\":\"q-PO-Q-0001\"}");
    }
}
