package org.integrationledger.app.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC storage engine with a gap rule that cannot skip a committed event.
 *
 * <p>The stock engine forgets a gap in the global index once the event after it looks older than the gap
 * timeout, judged by message timestamps; a transaction that commits after that is skipped by every
 * projection for good (AxonFramework issue #4829). Here a gap is kept until PostgreSQL proves it final:
 * appends take their transaction id before drawing global indexes, and {@link FinalityHorizon} turns snapshot
 * bounds into "every index up to N is written or never will be". No clock is involved, so neither slow
 * transactions nor clock skew can lose an event. See docs/architecture.md.
 */
public class GapSafeJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private static final Duration HEAD_TOKEN_WAIT = Duration.ofSeconds(30);

    private final TransactionManager transactionManager;
    private final EventSchema schema;
    private final FinalityHorizon horizon = new FinalityHorizon();

    public GapSafeJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder,
                                         TransactionManager transactionManager, EventSchema schema) {
        super(builder.transactionManager(transactionManager).schema(schema));
        this.transactionManager = transactionManager;
        this.schema = schema;
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new EventStoreException("events must be appended inside a transaction; the gap rule needs the "
                    + "transaction id taken before the global index is drawn");
        }
        try (Statement statement = connection.createStatement()) {
            // Assigns this transaction's id now, before the INSERT draws global indexes from the sequence.
            statement.execute("SELECT pg_current_xact_id()");
        }
        // Axon's own INSERT plus each event's chain hash (tamper evidence, docs/audit.md).
        return ChainedAppend.statement(connection, schema, events, serializer, DateTimeUtils::formatInstant);
    }

    /**
     * The highest global index known to be final (every index at or below it is visible now or never will be),
     * by the same horizon the readers use. Checkpoints over global-index ranges stay at or below it, so no
     * event can later appear inside a range that a checkpoint has already sealed.
     */
    public long finalGlobalIndex() {
        return transactionManager.fetchInTransaction(this::observeHorizon);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        return transactionManager.fetchInTransaction(() -> {
            // The horizon is read first, so the events read afterwards include every final index that exists.
            long finalUpTo = observeHorizon();
            Batch batch = read(token, batchSize);
            if (batch.events().isEmpty()) {
                Long next = nextIndexAfter(token == null ? -1 : token.getIndex());
                if (next != null) {
                    long from = token == null ? -1 : token.getIndex();
                    batch = read(token, (int) Math.min(Integer.MAX_VALUE, next - from));
                }
            }
            return withoutFinalGaps(batch, finalUpTo);
        });
    }

    /**
     * A head token must not start past an index that an open transaction may still fill, so it waits until
     * every index up to the current maximum is final (normally milliseconds).
     */
    @Override
    public TrackingToken createHeadToken() {
        long deadline = System.nanoTime() + HEAD_TOKEN_WAIT.toNanos();
        long[] observed = transactionManager.fetchInTransaction(() -> {
            Snapshot snapshot = snapshot();
            return snapshot.highestIndex() == null ? null : new long[] {snapshot.highestIndex(), idAfterSnapshot()};
        });
        if (observed == null) {
            return null;
        }
        long highest = observed[0];
        long idAfterSnapshot = observed[1];
        while (transactionManager.fetchInTransaction(this::snapshot).xmin() < idAfterSnapshot) {
            if (System.nanoTime() > deadline) {
                // Stop waiting, but keep the missing indexes of the last 10,000 as gaps, so a transaction that
                // is still open there cannot be skipped (one open for longer than 30 s below that is).
                return GapAwareTrackingToken.newInstance(highest, missingUpTo(highest, 10_000));
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return GapAwareTrackingToken.newInstance(highest, new TreeSet<>());
    }

    /**
     * Starts from nothing rather than below the lowest visible index: an index below it may belong to a
     * transaction still open, and reading from scratch lets the gap rule cover it.
     */
    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        GenericDomainEventEntry<?> event = new GenericDomainEventEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                readTimeStamp(resultSet, schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        // Every skipped index becomes a gap, whatever the timestamps say; only withoutFinalGaps removes gaps.
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalIndex, LongStream.range(1, globalIndex).boxed()
                        .collect(Collectors.toCollection(TreeSet::new)))
                : previousToken.advanceTo(globalIndex, Integer.MAX_VALUE);
        return new TrackedDomainEventData<>(token, event);
    }

    private long observeHorizon() {
        Snapshot snapshot = snapshot();
        return horizon.observe(snapshot.xmin(), snapshot.highestIndex(), this::idAfterSnapshot);
    }

    /** The oldest running transaction id and the highest global index, read in one statement (one snapshot). */
    private Snapshot snapshot() {
        String sql = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint, "
                + "(SELECT max(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable() + ")";
        return JdbcUtils.executeQuery(getConnection(), connection -> connection.prepareStatement(sql),
                resultSet -> {
                    resultSet.next();
                    long highest = resultSet.getLong(2);
                    return new Snapshot(resultSet.getLong(1), resultSet.wasNull() ? null : highest);
                },
                e -> new EventStoreException("Failed to read the snapshot horizon of the event table", e));
    }

    /**
     * Assigns this reading transaction an id. Ids are handed out in increasing order, so it is above the id of
     * every transaction that drew an index before the preceding snapshot was taken.
     */
    private long idAfterSnapshot() {
        return JdbcUtils.executeQuery(getConnection(),
                connection -> connection.prepareStatement("SELECT pg_current_xact_id()::text::bigint"),
                resultSet -> {
                    resultSet.next();
                    return resultSet.getLong(1);
                },
                e -> new EventStoreException("Failed to take a transaction id for the gap horizon", e));
    }

    private Batch read(GapAwareTrackingToken token, int batchSize) {
        return JdbcUtils.executeQuery(getConnection(), connection -> readEventData(connection, token, batchSize),
                resultSet -> {
                    GapAwareTrackingToken previous = token;
                    List<TrackedEventData<?>> results = new ArrayList<>();
                    List<Long> indexes = new ArrayList<>();
                    while (resultSet.next()) {
                        TrackedEventData<?> next = getTrackedEventData(resultSet, previous);
                        results.add(next);
                        indexes.add(resultSet.getLong(schema.globalIndexColumn()));
                        previous = (GapAwareTrackingToken) next.trackingToken();
                    }
                    return new Batch(results, indexes);
                },
                e -> new EventStoreException("Failed to read events from token " + token, e));
    }

    private Long nextIndexAfter(long index) {
        return JdbcUtils.executeQuery(getConnection(), connection -> fetchTrackedEvents(connection, index),
                resultSet -> JdbcUtils.nextAndExtract(resultSet, 1, Long.class),
                e -> new EventStoreException("Failed to read the global index ahead of the token", e));
    }

    private SortedSet<Long> missingUpTo(long highestIndex, int window) {
        if (window == 0) {
            return new TreeSet<>();
        }
        String sql = "SELECT g FROM generate_series(?, ?) g WHERE NOT EXISTS (SELECT 1 FROM "
                + schema.domainEventTable() + " e WHERE e." + schema.globalIndexColumn() + " = g)";
        return JdbcUtils.executeQuery(getConnection(), connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    statement.setLong(1, Math.max(1, highestIndex - window));
                    statement.setLong(2, highestIndex);
                    return statement;
                },
                resultSet -> {
                    SortedSet<Long> missing = new TreeSet<>();
                    while (resultSet.next()) {
                        missing.add(resultSet.getLong(1));
                    }
                    return missing;
                },
                e -> new EventStoreException("Failed to list missing global indexes", e));
    }

    /**
     * Drops from each token the gaps the horizon proves final and that this batch does not deliver later: those
     * were not read, so they never will be.
     *
     * <p>Only gaps below the event's own index are dropped. A gap above it may be an event later in this batch
     * (a transaction that committed after readers had passed its indexes delivers all its events in one read),
     * and a token without that gap would claim the later event as read already. Axon's processors skip an event
     * whose token the previous one covers, so every projection lost the second event of such a transaction (a
     * benchmark run lost invoices' {@code InvoiceMatched}, and with it {@code InvoiceReceived}, from every view).
     * A final gap above the event stays until an event above it prunes it: it costs a token entry, never an event.
     */
    private static List<TrackedEventData<?>> withoutFinalGaps(Batch batch, long finalUpTo) {
        List<TrackedEventData<?>> result = new ArrayList<>(batch.events().size());
        for (int i = 0; i < batch.events().size(); i++) {
            TrackedEventData<?> data = batch.events().get(i);
            long prunableUpTo = Math.min(finalUpTo, batch.indexes().get(i));
            GapAwareTrackingToken token = (GapAwareTrackingToken) data.trackingToken();
            if (!token.getGaps().isEmpty() && token.getGaps().first() <= prunableUpTo) {
                GapAwareTrackingToken pruned = GapAwareTrackingToken.newInstance(token.getIndex(),
                        token.getGaps().tailSet(prunableUpTo + 1));
                result.add(new TrackedDomainEventData<>(pruned, (DomainEventData<?>) data));
            } else {
                result.add(data);
            }
        }
        return result;
    }

    /** Events as read, with the global index of each (a token's index is the highest seen, not the event's). */
    private record Batch(List<TrackedEventData<?>> events, List<Long> indexes) {
    }

    private record Snapshot(long xmin, Long highestIndex) {
    }
}
