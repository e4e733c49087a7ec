package org.integrationledger.app.supplier;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.CountSupplierCopiesBySystem;
import org.integrationledger.model.supplier.SupplierCopyCounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.failure;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * Question 3 per target system: a new golden record adds a pending copy to each target system, a failure marks it
 * failed, and the system's acknowledgment moves it to acknowledged (counted as deltas: the store is shared).
 */
class SupplierCopyCountsIntegrationTest extends LedgerIntegrationTest {

    private static final SystemId ERP_EMEA = SystemId.of("ERP_EMEA");

    @Autowired
    private QueryGateway queries;

    @Test
    void countsCopiesPerSystemAsPendingFailedAndAcknowledged() {
        SupplierCopyCounts.SystemCount before = emea();
        Instant createdAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String supplier = newSupplierId();
        ok(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok(path(supplier, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-9", createdAt));
        ok(path(supplier, "propagation-failures"), ERP_EMEA_KEY,
                failure("ERP_EMEA", 1, "company code DE01 locked", createdAt.plusSeconds(60)));

        SupplierCopyCounts.SystemCount pending = await().atMost(Duration.ofSeconds(10)).until(this::emea,
                now -> now.failed() == before.failed() + 1);
        assertThat(pending.copies()).isEqualTo(before.copies() + 1);
        assertThat(pending.pending()).isEqualTo(before.pending() + 1);
        assertThat(pending.acknowledged()).isEqualTo(before.acknowledged());
        assertThat(pending.region()).isEqualTo("EMEA");
        assertThat(pending.oldestPendingSince()).isBeforeOrEqualTo(createdAt);

        ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 1, "E-77", null, Instant.now()));
        SupplierCopyCounts.SystemCount caughtUp = await().atMost(Duration.ofSeconds(10)).until(this::emea,
                now -> now.acknowledged() == before.acknowledged() + 1);
        assertThat(caughtUp.copies()).isEqualTo(before.copies() + 1);
        assertThat(caughtUp.pending()).isEqualTo(before.pending());
        assertThat(caughtUp.failed()).isEqualTo(before.failed());
        assertThat(counts(null, "NA").systems()).extracting(SupplierCopyCounts.SystemCount::system)
                .doesNotContain(ERP_EMEA);
    }

    private SupplierCopyCounts.SystemCount emea() {
        return counts(ERP_EMEA, null).systems().stream().filter(s -> s.system().equals(ERP_EMEA)).findFirst()
                .orElse(new SupplierCopyCounts.SystemCount(ERP_EMEA, "EMEA", 0, 0, 0, 0, null));
    }

    private SupplierCopyCounts counts(SystemId system, String region) {
        return queries.query(new CountSupplierCopiesBySystem(system, region),
                ResponseTypes.instanceOf(SupplierCopyCounts.class)).join();
    }

    private void ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
