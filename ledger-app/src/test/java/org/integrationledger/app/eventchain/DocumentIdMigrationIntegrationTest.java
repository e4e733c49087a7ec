package org.integrationledger.app.eventchain;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.integrationledger.app.eventstore.GapSafeJdbcEventStorageEngine;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A store written before ids became per document type (Flyway stopped at the version before the migration), with
 * its events chained and sealed in a checkpoint, is migrated: every stored id gets its type, no hash changes, the
 * whole store still verifies, new events chain onto the old ones, and tampering is still found.
 */
class DocumentIdMigrationIntegrationTest extends LedgerIntegrationTest {

    /** The first migration of ids per document type (the applied positions' one, then the event store's). */
    private static final MigrationVersion TYPED_IDS = MigrationVersion.fromVersion("202612071500");
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    @Autowired
    private JdbcTemplate ledger;
    @Autowired
    private EventChainProperties properties;

    private String database;
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;

    @BeforeEach
    void aStoreAtThePreviousSchemaVersion() {
        database = "ids_migration_" + UUID.randomUUID().toString().replace("-", "");
        ledger.execute("CREATE DATABASE " + database);
        Matcher url = URL.matcher(TestDatabase.url());
        assertThat(url.matches()).as(TestDatabase.url()).isTrue();
        dataSource = new DriverManagerDataSource(url.group(1) + database + url.group(3), TestDatabase.user(),
                TestDatabase.password());
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        MigrationVersion previous = Arrays.stream(flyway().load().info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(TYPED_IDS) < 0).max(Comparator.naturalOrder()).orElseThrow();
        flyway().target(previous).load().migrate();
    }

    @AfterEach
    void dropTheStore() {
        ledger.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void qualifiesEveryStoredIdAndKeepsTheChainsAndCheckpointsVerifiable() {
        storeOld("LEGACY-1", "PurchaseOrder", 3);
        storeOld("LEGACY-2", "Invoice", 2);
        storeOld("LEGACY-3", "Supplier", 1);
        storeOld("sla-rule:legacy-rule", "SlaRule", 1);
        String published = UUID.randomUUID().toString();
        storeOld(published, null, 1);
        jdbc.update("INSERT INTO projection_applied_position (processing_group, document_id, last_sequence) "
                + "VALUES ('reconciliation-view', 'LEGACY-1', 2), ('reconciliation-view', 'LEGACY-2', 1)");
        jdbc.update("INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "payload, payload_type, time_stamp) VALUES ('LEGACY-1', 2, 'PurchaseOrder', ?, ?, 'Snapshot', "
                + "'2026-12-01T10:00:00.000Z')", UUID.randomUUID().toString(), bytes("{}"));
        jdbc.update("INSERT INTO dead_letter_entry (dead_letter_identifier, processing_group, sequence_identifier, "
                + "sequence_index, message_type, event_identifier, time_stamp, payload_type, payload, aggregate_type, "
                + "aggregate_identifier, sequence_number, enqueued_at) VALUES (?, 'purchase-order-view', 'LEGACY-1', "
                + "0, 'DomainEventMessage', ?, '2026-12-01T10:00:00.000Z', 'Issued', ?, 'PurchaseOrder', 'LEGACY-1', "
                + "1, '2026-12-01T10:00:01.000Z')", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                bytes("{}"));
        Checkpoints checkpoints = sealEverything();
        Map<Long, String> hashesBefore = hashes();

        flyway().load().migrate();

        assertThat(jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry ORDER BY 1",
                String.class)).containsExactly(published, "invoice:LEGACY-2", "purchase-order:LEGACY-1",
                "sla-rule:legacy-rule", "supplier:LEGACY-3");
        assertThat(hashes()).as("no hash is recomputed").isEqualTo(hashesBefore);
        assertThat(jdbc.queryForList("SELECT document_id FROM projection_applied_position ORDER BY 1", String.class))
                .containsExactly("invoice:LEGACY-2", "purchase-order:LEGACY-1");
        assertThat(jdbc.queryForObject("SELECT aggregate_identifier FROM snapshot_event_entry", String.class))
                .isEqualTo("purchase-order:LEGACY-1");
        assertThat(jdbc.queryForMap("SELECT sequence_identifier, aggregate_identifier FROM dead_letter_entry"))
                .containsEntry("sequence_identifier", "purchase-order:LEGACY-1")
                .containsEntry("aggregate_identifier", "purchase-order:LEGACY-1");

        VerificationReport whole = verifier(checkpoints).verify(VerificationScope.everything());
        assertThat(whole.intact()).as(whole.toString()).isTrue();
        assertThat(whole.eventsChecked()).isEqualTo(8);
        VerificationReport order = verifier(checkpoints).verify(VerificationScope.aggregate("purchase-order:LEGACY-1"));
        assertThat(order.intact()).as(order.toString()).isTrue();
        assertThat(order.eventsChecked()).isEqualTo(3);

        // A new event of the old document chains onto its old events, and a checkpoint seals it under the new id.
        append("purchase-order:LEGACY-1", "PurchaseOrder", 3);
        sealEverything();
        VerificationReport extended = verifier(checkpoints).verify(VerificationScope.everything());
        assertThat(extended.intact()).as(extended.toString()).isTrue();
        assertThat(extended.eventsChecked()).isEqualTo(9);
    }

    @Test
    void findsTamperingWithMigratedEvents() {
        storeOld("LEGACY-4", "PurchaseOrder", 3);
        Checkpoints checkpoints = sealEverything();
        flyway().load().migrate();
        String order = "purchase-order:LEGACY-4";

        Finding edited = tamperedThenVerified(checkpoints, tx -> jdbc.update("UPDATE domain_event_entry SET payload "
                + "= ? WHERE aggregate_identifier = ? AND sequence_number = 1", bytes("{\"forged\":true}"), order));
        assertThat(edited.problem()).isEqualTo("hash-mismatch");
        assertThat(edited.aggregateId()).isEqualTo(order);
        assertThat(edited.sequenceNumber()).isEqualTo(1);

        Finding retyped = tamperedThenVerified(checkpoints, tx -> jdbc.update("UPDATE domain_event_entry SET "
                + "aggregate_identifier = 'invoice:LEGACY-4' WHERE aggregate_identifier = ?", order));
        assertThat(retyped.problem()).isEqualTo("identifier-type-mismatch");

        Finding stripped = tamperedThenVerified(checkpoints, tx -> jdbc.update("UPDATE domain_event_entry SET "
                + "aggregate_identifier = 'LEGACY-4' WHERE aggregate_identifier = ?", order));
        assertThat(stripped.problem()).isEqualTo("identifier-type-mismatch");

        Finding deleted = tamperedThenVerified(checkpoints, tx -> jdbc.update("DELETE FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2", order));
        assertThat(deleted.problem()).isEqualTo("event-deleted");
        assertThat(deleted.sequenceNumber()).isEqualTo(2);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/eventstore",
                "classpath:db/migration/command", "classpath:db/migration/query");
    }

    /** Events of one aggregate as the ledger stored them before ids had a type: the bare id, chained in SQL. */
    private void storeOld(String aggregateId, String type, int count) {
        for (int sequence = 0; sequence < count; sequence++) {
            append(aggregateId, type, sequence);
        }
    }

    private void append(String aggregateId, String type, long sequence) {
        String eventId = type == null ? aggregateId : UUID.randomUUID().toString();
        jdbc.update("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data, event_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, '1', ?, ?, ledger_event_hash(coalesce((SELECT event_hash FROM "
                        + "domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?), "
                        + "decode(repeat('00', 32), 'hex')), ?, ?, ?, ?, ?, ?, '1', ?, ?))",
                aggregateId, sequence, type, eventId, "2026-12-01T10:00:0" + sequence + ".000Z", "Event" + sequence,
                bytes("{\"n\":" + sequence + "}"), bytes("{}"),
                aggregateId, sequence - 1,
                aggregateId, sequence, type, eventId, "2026-12-01T10:00:0" + sequence + ".000Z", "Event" + sequence,
                bytes("{\"n\":" + sequence + "}"), bytes("{}"));
    }

    /** Seals every event in the store, as the scheduled job does once they are final. */
    private Checkpoints sealEverything() {
        GapSafeJdbcEventStorageEngine engine = mock(GapSafeJdbcEventStorageEngine.class);
        when(engine.finalGlobalIndex()).thenReturn(jdbc.queryForObject(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class));
        Checkpoints checkpoints = new Checkpoints(jdbc, transactions, engine, properties);
        checkpoints.sealUpToFinal();
        return checkpoints;
    }

    private EventChainVerifier verifier(Checkpoints checkpoints) {
        return new EventChainVerifier(jdbc, checkpoints);
    }

    private Map<Long, String> hashes() {
        Map<Long, String> hashes = new TreeMap<>();
        jdbc.query("SELECT global_index, encode(event_hash, 'hex') FROM domain_event_entry",
                (RowCallbackHandler) rs -> hashes.put(rs.getLong(1), rs.getString(2)));
        return hashes;
    }

    private Finding tamperedThenVerified(Checkpoints checkpoints, Consumer<Object> tampering) {
        return new TransactionTemplate(transactions).execute(status -> {
            tampering.accept(status);
            VerificationReport report = verifier(checkpoints).verify(VerificationScope.everything());
            status.setRollbackOnly();
            assertThat(report.intact()).isFalse();
            return report.firstBrokenLink();
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
