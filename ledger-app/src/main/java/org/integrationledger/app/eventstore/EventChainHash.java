package org.integrationledger.app.eventstore;

import org.integrationledger.model.shared.DocumentKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash that chains one aggregate's stored events: SHA-256 over the previous event's hash (32 zero bytes
 * for sequence 0) and every stored column except the global index, which the database assigns on insert.
 *
 * <p>Each column is length-prefixed (4 bytes, big-endian; {@code 0xFFFFFFFF} for NULL) and the sequence number
 * is 8 bytes, so no two different rows encode alike. The SQL function {@code ledger_event_hash} (migrations
 * V202611252000 and V202612071501) computes the same bytes, for the backfill and for anyone who wants to check in
 * SQL.
 *
 * <p>The identifier it covers is the document's business id ({@link #chainedId}): a purchase order's, invoice's or
 * supplier's stored key ({@code purchase-order:COLL-1}) without its type, which the hash covers as the type column.
 * The events stored before ids became per document type were chained over the bare business id; covering the same
 * bytes keeps every one of their hashes and every checkpoint that sealed them valid, with nothing re-chained.
 */
public final class EventChainHash {

    public static final int LENGTH = 32;
    private static final byte[] GENESIS = new byte[LENGTH];

    private EventChainHash() {
    }

    /** The previous hash of an aggregate's first event. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    public static byte[] of(byte[] previous, String aggregateId, long sequenceNumber, String type, String eventId,
                            String timestamp, String payloadType, String payloadRevision, byte[] payload,
                            byte[] metaData) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        field(sha256, utf8(chainedId(aggregateId, type)));
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(sequenceNumber).array());
        field(sha256, utf8(type));
        field(sha256, utf8(eventId));
        field(sha256, utf8(timestamp));
        field(sha256, utf8(payloadType));
        field(sha256, utf8(payloadRevision));
        field(sha256, payload);
        field(sha256, metaData);
        return sha256.digest();
    }

    /**
     * The identifier an event's hash covers: the business id when the stored key is the key of a document of the
     * event's aggregate type, else the stored identifier as it is (an SLA rule, an event outside an aggregate, or a
     * key that does not match its type, which the verifier reports).
     */
    public static String chainedId(String aggregateId, String type) {
        return DocumentKey.parse(aggregateId).filter(key -> key.kind().aggregateType().equals(type))
                .map(DocumentKey::businessId).orElse(aggregateId);
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
