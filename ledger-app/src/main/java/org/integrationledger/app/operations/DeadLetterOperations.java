package org.integrationledger.app.operations;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.app.deadletter.ParkOnlyAfterRollback;
import org.integrationledger.app.deadletter.ParkedCounts;
import org.integrationledger.app.deadletter.ParkingCause;
import org.integrationledger.model.shared.DocumentKey;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads, retries and evicts the parked documents of the processors' dead-letter queues. Listing reads
 * {@code dead_letter_entry} directly (its columns hold the business key); retry and eviction go through Axon's
 * queue and dead-letter processor, so a retry runs the processor's real handlers and interceptors.
 */
@Service
class DeadLetterOperations {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);
    /** A retry goes again when events of the document were parked behind it while it ran. */
    private static final int MAX_ROUNDS = 3;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final ParkedCounts counts;

    DeadLetterOperations(JdbcTemplate jdbc, EventProcessingConfiguration processing, ParkedCounts counts) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.counts = counts;
    }

    ParkedDocumentList list(String processor) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (processor != null) {
            where = " WHERE d.processing_group = ?";
            args.add(processor);
        }
        List<Letter> letters = jdbc.query("""
                SELECT d.processing_group, d.sequence_identifier, d.aggregate_type, d.aggregate_identifier,
                    d.payload_type, d.sequence_number, e.global_index, d.cause_type, d.cause_message,
                    d.enqueued_at, d.last_touched
                FROM dead_letter_entry d
                LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier""" + where + """

                ORDER BY d.processing_group, d.sequence_identifier, d.sequence_index""",
                (row, i) -> Letter.of(row), args.toArray());
        List<ParkedDocument> documents = new ArrayList<>();
        Letter head = null;
        int size = 0;
        Instant touched = null;
        for (Letter letter : letters) {
            if (head != null && !head.sameSequence(letter)) {
                documents.add(head.document(size, touched));
                head = null;
            }
            if (head == null) {
                head = letter;
                size = 0;
                touched = null;
            }
            size++;
            touched = latest(touched, letter.lastTouched() != null ? letter.lastTouched() : letter.enqueuedAt());
        }
        if (head != null) {
            documents.add(head.document(size, touched));
        }
        documents.sort((a, b) -> Objects.compare(a.enqueuedAt(), b.enqueuedAt(),
                (x, y) -> x == null ? -1 : y == null ? 1 : x.compareTo(y)));
        return new ParkedDocumentList(documents.size(), List.copyOf(documents));
    }

    /**
     * Applies the document's parked events through the processor's handlers, in order, in one transaction with
     * their removal from the queue: all of them or none (a failure rolls the whole transaction back, so the letters
     * stay as they were). The projections skip an event they have already applied,
     * so a letter applied before it was parked changes nothing.
     */
    RetryOutcome retry(String processor, String named) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> notFound(processor, named));
        String sequence = sequenceOf(queue, named);
        if (!queue.contains(sequence)) {
            throw notFound(processor, named);
        }
        TransactionManager transactions = processing.transactionManager(processor);
        int applied = 0;
        try {
            for (int round = 0; round < MAX_ROUNDS && queue.contains(sequence); round++) {
                int size = (int) queue.sequenceSize(sequence);
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                unitOfWork.attachTransaction(transactions);
                ResultMessage<Boolean> result = unitOfWork.executeWithResult(() -> {
                    boolean processed = letters.process(letter -> isOf(letter, sequence));
                    if (!processed || unitOfWork.resources().containsKey(ParkOnlyAfterRollback.RETRY_FAILURE)) {
                        // Axon rolls back only the transaction it started: a letter that failed inside this one
                        // would leave what its handlers changed before the failure to be committed with the rest.
                        throw new IllegalStateException("the parked events failed again");
                    }
                    return true;
                });
                if (result.isExceptional()) {
                    Object cause = unitOfWork.resources().get(ParkOnlyAfterRollback.RETRY_FAILURE);
                    throw retryFailed(processor, sequence,
                            cause instanceof Throwable t ? t : result.exceptionResult());
                }
                applied += size;
            }
        } finally {
            counts.refresh();
        }
        log.info("Retried the parked events of [{}] in processor [{}]: {} applied", sequence, processor, applied);
        return new RetryOutcome(processor, sequence, applied);
    }

    /** Removes the document's parked events without applying them: the view will never show them. */
    EvictionOutcome evict(String processor, String named) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        String sequence = sequenceOf(queue, named);
        int evicted = processing.transactionManager(processor).fetchInTransaction(() -> {
            int removed = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
                queue.evict(letter);
                removed++;
            }
            return removed;
        });
        counts.refresh();
        if (evicted == 0) {
            throw notFound(processor, sequence);
        }
        log.warn("Evicted {} parked events of [{}] from processor [{}] without applying them", evicted, sequence,
                processor);
        return new EvictionOutcome(processor, sequence, evicted);
    }

    /**
     * The sequence an operator names: the stored key as listed ({@code purchase-order:COLL-1}), or a business id
     * that exactly one document type has parked in this processor.
     */
    private static String sequenceOf(SequencedDeadLetterQueue<EventMessage<?>> queue, String named) {
        if (queue.contains(named)) {
            return named;
        }
        List<String> keys = Arrays.stream(DocumentKind.values()).map(kind -> kind.key(named)).filter(queue::contains)
                .toList();
        return keys.size() == 1 ? keys.get(0) : named;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow(() -> notFound(processor, null));
    }

    private static boolean isOf(DeadLetter<? extends EventMessage<?>> letter, String sequence) {
        return letter instanceof JdbcDeadLetter<?> stored && sequence.equals(stored.getSequenceIdentifier());
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static ErrorResponseException notFound(String processor, String sequence) {
        return problem(HttpStatus.NOT_FOUND, ErrorCode.DEAD_LETTER_NOT_FOUND, sequence == null
                ? "processor " + processor + " has no dead-letter queue"
                : "processor " + processor + " has nothing parked for " + sequence);
    }

    private static ErrorResponseException retryFailed(String processor, String sequence, Throwable cause) {
        String why = cause == null ? "unknown cause" : ParkingCause.text(cause);
        log.warn("Retry of [{}] in processor [{}] failed; its events stay parked: {}", sequence, processor, why);
        return problem(HttpStatus.CONFLICT, ErrorCode.DEAD_LETTER_RETRY_FAILED,
                "the parked events of " + sequence + " failed again and stay parked: "
                        + (why.length() > 500 ? why.substring(0, 500) : why));
    }

    private static ErrorResponseException problem(HttpStatus status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(code.problemType()));
        problem.setTitle(code.code());
        problem.setProperty("code", code.code());
        return new ErrorResponseException(status, problem, null);
    }

    /** One row of {@code dead_letter_entry}, without its payload. */
    private record Letter(String processor, String sequence, String documentType, String documentId,
                          String payloadType, Long documentSequence, Long globalPosition, String causeType,
                          String causeMessage, Instant enqueuedAt, Instant lastTouched) {

        static Letter of(ResultSet row) throws SQLException {
            return new Letter(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getObject(6, Long.class), row.getObject(7, Long.class), row.getString(8),
                    row.getString(9), instant(row.getString(10)), instant(row.getString(11)));
        }

        boolean sameSequence(Letter other) {
            return processor.equals(other.processor) && sequence.equals(other.sequence);
        }

        ParkedDocument document(int letters, Instant lastTouchedAt) {
            String type = payloadType == null ? null
                    : payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
            return new ParkedDocument(processor, sequence,
                    DocumentKey.businessIdOf(documentId != null ? documentId : sequence), documentType,
                    type, documentSequence, globalPosition, causeType, causeMessage, enqueuedAt, lastTouchedAt,
                    letters);
        }

        private static Instant instant(String text) {
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
