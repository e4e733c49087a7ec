package org.integrationledger.app.benchmark;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.command.routing.ReferenceDataProperties;
import org.integrationledger.query.rebuild.ProjectionRebuilds;
import org.integrationledger.query.rebuild.RebuildProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends generated documents ({@link BulkDocuments}) through the ledger's own event store, many documents per
 * transaction. Each batch is one Axon unit of work with the Spring transaction attached, as a command's would be:
 * the storage engine takes the transaction id before the global indexes and writes the chain hashes, the
 * subscribing processors (tax-id claims, purchase-order facts) write their rows in the same transaction, and the
 * pooled projections pick the events up after the commit like any other traffic.
 */
@Component
@ConditionalOnProperty(name = BulkLoader.ENABLED, havingValue = "true")
class BulkLoader {

    static final String ENABLED = "ledger.benchmark.bulk-load.enabled";
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoader.class);

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final ReferenceDataProperties reference;
    private final LegalEntityRouting routing;
    private final Clock clock;
    private final EventProcessingConfiguration processing;
    private final ObjectProvider<ProjectionRebuilds> rebuilds;

    BulkLoader(EventStore eventStore, TransactionManager transactions, JdbcTemplate jdbc,
               ReferenceDataProperties reference, LegalEntityRouting routing, Clock clock,
               EventProcessingConfiguration processing, ObjectProvider<ProjectionRebuilds> rebuilds) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.reference = reference;
        this.routing = routing;
        this.clock = clock;
    }

    /** One load at a time: concurrent loads would only compete for the same two cores and the same sequence. */
    synchronized BulkLoadResult load(BulkLoadRequest request) {
        long documents = request.documents();
        // Far enough back that the last document's closing (up to 41 days after its start) lies in the past.
        Instant businessStart = clock.instant().minus(Duration.ofDays(45)).minusMillis(documents * 250 + 60_000);
        BulkDocuments generator = new BulkDocuments(request.runId(), request.seedOrDefault(), businessStart,
                reference, routing);
        if (alreadyLoaded(generator.firstAggregateId())) {
            throw new BulkLoadRunExists(request.runId());
        }
        List<StreamingEventProcessor> paused = request.pauseProjectionsOrDefault()
                ? pauseStreamingProcessors() : List.of();
        try {
            BulkLoadResult loaded = append(request, generator);
            return request.rebuildProjectionsOrDefault() ? loaded.withRebuilds(rebuild()) : loaded;
        } finally {
            // Started again even after a failed load, so the ledger never stays without its projections.
            paused.forEach(StreamingEventProcessor::start);
        }
    }

    private BulkLoadResult append(BulkLoadRequest request, BulkDocuments generator) {
        long documents = request.documents();
        int batchEvents = request.batchEventsOrDefault();
        long before = headIndex();
        long t0 = System.nanoTime();
        long events = 0;
        long transactionsCommitted = 0;
        long suppliers = 0;
        List<DomainEventMessage<?>> batch = new ArrayList<>(batchEvents + 8);
        for (long n = 0; n < documents; n++) {
            if (BulkDocuments.isSupplier(n)) {
                suppliers++;
            }
            batch.addAll(generator.document(n));
            if (batch.size() >= batchEvents || n == documents - 1) {
                append(batch);
                events += batch.size();
                transactionsCommitted++;
                batch.clear();
                if (transactionsCommitted % 100 == 0) {
                    LOG.info("Bulk load {}: {} of {} documents, {} events", request.runId(), n + 1, documents, events);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = headIndex();
        LOG.info("Bulk load {}: {} documents, {} events in {} s", request.runId(), documents, events,
                String.format("%.1f", seconds));
        return new BulkLoadResult(request.runId(), documents, documents - suppliers, suppliers, events,
                transactionsCommitted, before + 1, after, seconds, events / Math.max(seconds, 1e-9), null);
    }

    /**
     * Rebuilds every rebuildable projection in one pass (the audit API's rebuild-all) and waits for it to end.
     * The processors are paused, so the rebuild has the machine to itself; its switch starts the rebuilt ones at
     * the rebuild's position, and the load's own restart afterwards finds them running.
     */
    private List<RebuildProgress> rebuild() {
        ProjectionRebuilds available = rebuilds.getIfAvailable();
        if (available == null) {
            // A command-only process has no projections to rebuild; its query process catches up as usual.
            LOG.info("Bulk load: no query side in this process, nothing to rebuild");
            return List.of();
        }
        List<String> names = available.startAll().stream().map(RebuildProgress::projection).toList();
        LOG.info("Bulk load: rebuilding {} in one pass", names);
        try {
            available.awaitIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rebuild", e);
        }
        return names.stream().map(name -> available.progress(name).orElseThrow()).toList();
    }

    /** Stops the running streaming processors (never the subscribing ones: they write in the append's transaction). */
    private List<StreamingEventProcessor> pauseStreamingProcessors() {
        List<StreamingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
        running.forEach(StreamingEventProcessor::shutDown);
        LOG.info("Bulk load: paused {} streaming processors", running.size());
        return running;
    }

    private void append(List<DomainEventMessage<?>> batch) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("bulk-load"));
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventStore.publish(batch));
    }

    private boolean alreadyLoaded(String aggregateId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ?)", Boolean.class,
                aggregateId));
    }

    long headIndex() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
