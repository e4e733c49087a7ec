package org.integrationledger.app.operations;

import java.time.Instant;

/**
 * A document a processor has parked: the first of its parked events (the one that failed, with the cause) and how
 * many of its events wait behind it.
 *
 * @param processor        the processor (projection) that parked it
 * @param sequence         the dead-letter sequence: the document's stored key ({@code purchase-order:COLL-1}; events
 *                         are sequenced per document), the key retry and eviction take
 * @param documentId       the business id of the document the parked event belongs to
 * @param documentType     the aggregate type ({@code PurchaseOrder}, {@code Invoice}, {@code Supplier}, ...)
 * @param eventType        the failed event's type (simple class name)
 * @param documentSequence the failed event's sequence number within its document
 * @param globalPosition   the failed event's global index in the event store
 * @param causeType        the class of the failure
 * @param causeMessage     the failure's message (at most 1,023 characters)
 * @param enqueuedAt       when the first event was parked
 * @param lastTouchedAt    when an event of the document was last parked or retried
 * @param letters          the document's parked events, the failed one included
 */
public record ParkedDocument(String processor, String sequence, String documentId, String documentType,
                            String eventType, Long documentSequence, Long globalPosition, String causeType,
                            String causeMessage, Instant enqueuedAt, Instant lastTouchedAt, int letters) {
}
