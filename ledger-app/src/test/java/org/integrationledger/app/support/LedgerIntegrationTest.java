package org.integrationledger.app.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.integrationledger.app.IntegrationLedgerApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: the whole ledger on a random port, over real HTTP, against real PostgreSQL.
 * All subclasses share one application context (same configuration), and so one event store.
 */
@SpringBootTest(classes = IntegrationLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class LedgerIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventProcessingConfiguration processing;

    protected LedgerApi api;
    /** The event store and idempotency table, read directly to prove what was (not) written. */
    protected EventTable events;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("ledger.database.url", TestDatabase::url);
        registry.add("ledger.database.username", TestDatabase::user);
        registry.add("ledger.database.password", TestDatabase::password);
        // SLA tests run the evaluator themselves against the advanceable clock; the scheduled one stays out of
        // their way (it would race them for the transitions they assert).
        registry.add("ledger.sla.evaluation.interval", () -> "PT1H");
        // Small, so the rebuild tests' stores (hundreds of documents) go through the spill to PostgreSQL and back,
        // as a production store of millions does.
        registry.add("ledger.rebuild.states-in-memory", () -> "32");
        // A console user without roles (password as the development viewer's), who signs in and may see nothing.
        registry.add("ledger.console.users.no-role.password-hash",
                () -> "{bcrypt}$2a$10$dU3ykO3/1o/UUMZeNEX4.OshzemaW6kUhg.24OlVuGrCi3SDF54Lq");
        // A viewer (password as the development viewer's) whose sign-ins the lockout test may pause.
        registry.add("ledger.console.users.lockout-tester.password-hash",
                () -> "{bcrypt}$2a$10$dU3ykO3/1o/UUMZeNEX4.OshzemaW6kUhg.24OlVuGrCi3SDF54Lq");
        registry.add("ledger.console.users.lockout-tester.roles", () -> "viewer");
        ThrottledConnectors.register(registry);
        MatrixPrincipals.register(registry);
    }

    @BeforeEach
    void connectApi() {
        api = new LedgerApi("http://localhost:" + port);
        events = new EventTable(jdbc);
    }

    /**
     * Waits until a streaming processor has handled every event stored now, not replaying, and returns that head
     * of the store. Right after a restart no segment is claimed yet: an empty status does not count as caught up.
     */
    protected long awaitCaughtUp(String processorName) {
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty()
                && !processor.isReplaying()
                && processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.isPresent() && position.getAsLong() >= head));
        return head;
    }
}
