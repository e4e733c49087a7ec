package org.integrationledger.app.supplier;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
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
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * The duplicate-tax-id rule is set-based and holds under concurrency: of simultaneous requests for different
 * suppliers with one tax id (written differently), exactly one is recorded and the others are told which
 * supplier holds it.
 */
class SupplierDuplicateRaceIntegrationTest extends LedgerIntegrationTest {

    private static final int CONTENDERS = 8;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rejectsASecondSupplierWithTheSameTaxIdNamingTheFirst() {
        String vat = newVatNumber();
        String first = newSupplierId();
        assertThat(api.post(path(first, "request"), PROCUREMENT_KEY, request(vat)).status()).isEqualTo(200);

        Response second = api.post(path(newSupplierId(), "request"), PROCUREMENT_KEY,
                request("de " + vat.substring(2, 5) + " " + vat.substring(5)));

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("duplicate-supplier");
        assertThat(second.body().path("detail").asText()).isEqualTo("tax id VAT " + vat
                + " is already registered as supplier " + first);
    }

    @RepeatedTest(10)
    void exactlyOneOfManySimultaneousRequestsWithOneTaxIdSucceeds() throws Exception {
        String vat = newVatNumber();
        List<String> suppliers = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            suppliers.add(newSupplierId());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);
        List<Future<Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < CONTENDERS; i++) {
                String supplier = suppliers.get(i);
                // Every other contender writes the number with its country prefix, spaced, in lower case.
                Map<String, Object> body = request(i % 2 == 0 ? vat : "de " + vat.substring(2).replaceAll("(...)", "$1 "));
                responses.add(threads.submit(() -> {
                    start.await();
                    return api.post(path(supplier, "request"), PROCUREMENT_KEY, body);
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
                        assertThat(answer.code()).isEqualTo("duplicate-supplier");
                        assertThat(answer.body().path("detail").asText()).endsWith("supplier " + winner);
                    });
        } finally {
            threads.shutdownNow();
        }
        String ids = "'" + String.join("','", suppliers) + "'";
        String keys = "'supplier:" + String.join("','supplier:", suppliers) + "'";
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN ("
                + keys + ") AND payload_type LIKE '%SupplierRequested'", Integer.class)).isEqualTo(1);
        // Every refused contender is on the winner's record, once (question 8), and nothing else was written.
        assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier IN ("
                + keys + ") AND payload_type LIKE '%DuplicateSupplierRequestCaught'", String.class))
                .hasSize(CONTENDERS - 1).containsOnly(winnerOf(suppliers));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN ("
                + keys + ")", Integer.class)).isEqualTo(CONTENDERS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM supplier_tax_id_claim WHERE normalized_tax_id = ?",
                Integer.class, vat)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM supplier_view WHERE supplier_id IN (" + ids + ")", Integer.class) == 1);
    }

    private String winnerOf(List<String> suppliers) {
        return jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE "
                + "'%SupplierRequested' AND aggregate_identifier IN ('supplier:" + String.join("','supplier:", suppliers)
                + "')",
                String.class);
    }
}
