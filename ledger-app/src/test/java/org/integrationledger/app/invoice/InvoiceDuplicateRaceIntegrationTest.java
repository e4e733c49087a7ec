package org.integrationledger.app.invoice;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * The duplicate-invoice rule is set-based and holds under concurrency: of simultaneous submissions of one
 * supplier invoice number (written differently) under different invoice ids, exactly one is recorded and the
 * others are told which invoice holds the number.
 */
class InvoiceDuplicateRaceIntegrationTest extends LedgerIntegrationTest {

    private static final int CONTENDERS = 8;

    @Autowired
    private JdbcTemplate jdbc;

    @RepeatedTest(5)
    void exactlyOneOfManySimultaneousSubmissionsOfOneNumberIsRecorded() throws Exception {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY,
                purchaseOrder(supplier, "US01", "USD")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/goods-receipts", PROCUREMENT_KEY,
                receipt("100", "10")).status()).isEqualTo(200);
        String digits = String.valueOf(System.nanoTime() % 1_000_000);
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            invoices.add(newInvoiceId());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);
        List<Future<Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < CONTENDERS; i++) {
                String invoice = invoices.get(i);
                // Every other contender writes the number in lower case, with a separator and leading zeros.
                Map<String, Object> body = invoice(supplier, po, i % 2 == 0 ? "INV" + digits : "inv-00" + digits,
                        "USD");
                responses.add(threads.submit(() -> {
                    start.await();
                    return api.post(path(invoice, "receipt"), PROCUREMENT_KEY, body);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> response : responses) {
                answers.add(response.get());
            }

            List<Response> accepted = answers.stream().filter(answer -> answer.status() == 200).toList();
            assertThat(accepted).as(answers.toString()).hasSize(1);
            String winner = accepted.get(0).body().path("documentId").asText();
            assertThat(answers).filteredOn(answer -> answer.status() != 200)
                    .hasSize(CONTENDERS - 1)
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                        assertThat(answer.code()).isEqualTo("duplicate-invoice");
                        assertThat(answer.body().path("detail").asText()).contains("as invoice " + winner + " ");
                    });
        } finally {
            threads.shutdownNow();
        }
        String ids = "'" + String.join("','", invoices) + "'";
        // The winner's receipt and match; nothing of the others.
        String keys = "'invoice:" + String.join("','invoice:", invoices) + "'";
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                + "WHERE aggregate_identifier IN (" + keys + ")", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invoice_number_claim WHERE supplier_id = ?",
                Integer.class, supplier)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM invoice_view WHERE invoice_id IN (" + ids + ")", Integer.class) == 1);
    }
}
