package org.integrationledger.app.eventchain;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.shared.DocumentKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Someone with write access to the database edits, deletes, inserts and reorders rows of the event table, and
 * the verification names the exact event. Each tampering runs in a transaction that the verification joins and
 * that is then rolled back, so no other test, processor or checkpoint ever sees it.
 */
class TamperDetectionIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private EventChainVerifier verifier;
    @Autowired
    private Checkpoints checkpoints;

    private String order;
    private String document;
    private long hole;
    private List<Long> globalIndexes;

    @BeforeEach
    void aSealedOrderWithThreeEvents() {
        // An index drawn and never written (as by a rolled-back append) lies inside the sealed range.
        hole = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        order = newPurchaseOrderId();
        document = DocumentKind.PURCHASE_ORDER.key(order);
        post("issue", PROCUREMENT_KEY, issue("US01", "USD"));
        post("erp-postings", ERP_NA_KEY, erpPosting("ERP_NA", 1, "4500000777"));
        post("goods-receipts", PROCUREMENT_KEY, receipt("40", null));
        globalIndexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, document);
        long last = globalIndexes.get(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> checkpoints.sealUpToFinal()
                .map(checkpoint -> checkpoint.toIndex() >= last).orElse(false));
    }

    @Test
    void findsNothingWhenNothingWasChanged() {
        VerificationReport report = verifier.verify(VerificationScope.aggregate(document));

        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(3);
        assertThat(report.latestVerifiedCheckpoint().toIndex()).isGreaterThanOrEqualTo(globalIndexes.get(2));
    }

    @Test
    void namesAnEventWhosePayloadWasEdited() {
        Finding first = tamperedThenVerified("UPDATE domain_event_entry SET payload = convert_to(replace("
                + "convert_from(payload, 'UTF8'), '4500000777', '4500000778'), 'UTF8') WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1");

        assertThat(first).isEqualTo(brokenLink(1, globalIndexes.get(1), "hash-mismatch", first));
    }

    @Test
    void namesAnEventWhoseMetadataWasEdited() {
        Finding first = tamperedThenVerified("UPDATE domain_event_entry SET meta_data = convert_to(replace("
                + "convert_from(meta_data, 'UTF8'), 'procurement-connector', 'erp-na-connector'), 'UTF8') "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2");

        assertThat(first).isEqualTo(brokenLink(2, globalIndexes.get(2), "hash-mismatch", first));
    }

    @Test
    void namesAnEditedEventEvenWhenItsHashWasRecomputed() {
        Finding first = tamperedThenVerified("UPDATE domain_event_entry e SET payload = convert_to(replace("
                + "convert_from(e.payload, 'UTF8'), '4500000777', '4500000778'), 'UTF8') WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1; " + rehash(1));

        assertThat(first).isEqualTo(brokenLink(1, globalIndexes.get(1), "event-hash-changed", first));
    }

    @Test
    void namesAnEventDeletedFromTheMiddleOfItsAggregate() {
        Finding first = tamperedThenVerified("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1");

        assertThat(first).isEqualTo(brokenLink(1, globalIndexes.get(1), "event-deleted", first));
    }

    @Test
    void namesTheLastEventOfAnAggregateWhenItWasDeleted() {
        Finding first = tamperedThenVerified("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 2");

        assertThat(first).isEqualTo(brokenLink(2, globalIndexes.get(2), "event-deleted", first));
    }

    @Test
    void namesAForgedRowAppendedWithoutAValidHash() {
        long forged = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        Finding first = tamperedThenVerified(forgedCopyOfTheLastEvent(forged, "event_hash"));

        assertThat(first).isEqualTo(brokenLink(3, forged, "hash-mismatch", first));
    }

    @Test
    void namesAForgedRowWithAValidHashInsertedIntoASealedRange() {
        Finding first = tamperedThenVerified(forgedCopyOfTheLastEvent(hole, "ledger_event_hash(event_hash, "
                + "aggregate_identifier, 3, type, 'forged-' || event_identifier, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data)"));

        assertThat(first).isEqualTo(brokenLink(3, hole, "event-inserted", first));
    }

    @Test
    void namesTheFirstOfTwoEventsWhoseGlobalIndexesWereSwapped() {
        long a = globalIndexes.get(0);
        long b = globalIndexes.get(2);
        Finding first = tamperedThenVerified("UPDATE domain_event_entry SET global_index = -" + a
                + " WHERE global_index = " + a + " AND aggregate_identifier = ?; "
                + "UPDATE domain_event_entry SET global_index = " + a + " WHERE global_index = " + b + "; "
                + "UPDATE domain_event_entry SET global_index = " + b + " WHERE global_index = -" + a);

        assertThat(first).isEqualTo(brokenLink(0, a, "event-moved", first));
    }

    @Test
    void detectsACheckpointRewrittenWithoutTheSecret() {
        long sealing = jdbc.queryForObject("SELECT checkpoint_id FROM event_chain_checkpoint WHERE ? BETWEEN "
                + "from_index AND to_index", Long.class, globalIndexes.get(0));
        Finding first = tamperedThenVerified("UPDATE event_chain_checkpoint SET event_count = event_count - 1 "
                + "WHERE checkpoint_id = " + sealing + " AND ? IS NOT NULL");

        assertThat(first.problem()).isEqualTo("checkpoint-mac-invalid");
        assertThat(first.detail()).contains("checkpoint " + sealing + " ");
    }

    @Test
    void theChainHashIsTheSameInJavaAndInSql() {
        Boolean same = jdbc.queryForObject("SELECT bool_and(ledger_event_hash(coalesce(p.event_hash, "
                + "decode(repeat('00', 32), 'hex')), e.aggregate_identifier, e.sequence_number, e.type, "
                + "e.event_identifier, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data) "
                + "= e.event_hash) FROM domain_event_entry e LEFT JOIN domain_event_entry p ON p.aggregate_identifier "
                + "= e.aggregate_identifier AND p.sequence_number = e.sequence_number - 1 "
                + "WHERE e.aggregate_identifier = ?", Boolean.class, document);

        assertThat(same).isTrue();
    }

    @Test
    void verifiesOverHttpForAnAuditorOnly() {
        Response report = api.post("/api/v1/audit/verification?aggregateId=" + order + "&documentType=purchase-order",
                "dev-auditor-key", "");
        Response anonymous = api.post("/api/v1/audit/verification?aggregateId=" + document, null, "");
        Response viewer = api.post("/api/v1/audit/verification?aggregateId=" + document, "dev-reporting-key", "");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().path("intact").asBoolean()).isTrue();
        assertThat(report.body().path("latestVerifiedCheckpoint").path("toIndex").asLong())
                .isGreaterThanOrEqualTo(globalIndexes.get(2));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.code()).isEqualTo("role-required");
    }

    @Test
    void verifiesTheWholeStoreAndEveryCheckpoint() {
        Response report = api.post("/api/v1/audit/verification", "dev-auditor-key", "");

        assertThat(report.body().path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.body().path("scope").asText()).isEqualTo("everything");
        assertThat(report.body().path("aggregatesChecked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.body().path("checkpointsChecked").asLong())
                .isEqualTo(report.body().path("latestVerifiedCheckpoint").path("checkpointId").asLong());
    }

    private Finding tamperedThenVerified(String statements) {
        return new TransactionTemplate(transactions).execute(status -> {
            for (String statement : statements.split("; ")) {
                jdbc.update(statement, statement.contains("?") ? new Object[] {document} : new Object[0]);
            }
            VerificationReport report = verifier.verify(VerificationScope.aggregate(document));
            status.setRollbackOnly();
            assertThat(report.intact()).isFalse();
            return report.firstBrokenLink();
        });
    }

    private Finding brokenLink(long sequence, long globalIndex, String problem, Finding actual) {
        return new Finding(document, sequence, globalIndex, problem, actual.detail());
    }

    private static String rehash(long sequence) {
        return "UPDATE domain_event_entry e SET event_hash = ledger_event_hash(p.event_hash, e.aggregate_identifier, "
                + "e.sequence_number, e.type, e.event_identifier, e.time_stamp, e.payload_type, e.payload_revision, "
                + "e.payload, e.meta_data) FROM domain_event_entry p WHERE e.aggregate_identifier = ? "
                + "AND e.sequence_number = " + sequence + " AND p.aggregate_identifier = e.aggregate_identifier "
                + "AND p.sequence_number = e.sequence_number - 1";
    }

    private static String forgedCopyOfTheLastEvent(long globalIndex, String hash) {
        return "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp, event_hash) "
                + "SELECT " + globalIndex + ", aggregate_identifier, 3, type, 'forged-' || event_identifier, meta_data, "
                + "payload, payload_revision, payload_type, time_stamp, " + hash + " FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2";
    }

    private void post(String action, String key, Object body) {
        Response response = api.post("/api/v1/purchase-orders/" + order + "/" + action, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
