package org.integrationledger.app.eventchain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** One row of {@code event_chain_checkpoint}: a sealed range of final global indexes. */
record Checkpoint(long id, long fromIndex, long toIndex, int eventCount, byte[] entries, byte[] entriesDigest,
                  byte[] previousMac, byte[] mac, String keyId, Instant createdAt) {

    /** The bytes the MAC signs: the range, the count, the entries' digest and the previous checkpoint's MAC. */
    static byte[] signed(long id, long fromIndex, long toIndex, int eventCount, byte[] entriesDigest,
                         byte[] previousMac) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(id);
            out.writeLong(fromIndex);
            out.writeLong(toIndex);
            out.writeInt(eventCount);
            out.write(entriesDigest);
            out.write(previousMac);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    byte[] signed() {
        return signed(id, fromIndex, toIndex, eventCount, entriesDigest, previousMac);
    }

    CheckpointSummary summary() {
        return new CheckpointSummary(id, fromIndex, toIndex, eventCount, keyId, createdAt);
    }
}
