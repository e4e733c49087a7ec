package org.integrationledger.app.eventchain;

import org.integrationledger.model.shared.DocumentKey;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One sealed event of a checkpoint: where it stood in the global order, which event it was, and its chain hash. */
record CheckpointEntry(long globalIndex, String aggregateId, long sequenceNumber, byte[] eventHash) {

    /** Compares a sealed entry with a row now; an entry sealed with a bare business id matches its document's key. */
    boolean sameEvent(CheckpointEntry now) {
        boolean sameDocument = aggregateId.equals(now.aggregateId)
                || (sealedBeforeTypedIds() && aggregateId.equals(DocumentKey.businessIdOf(now.aggregateId)));
        return sameDocument && sequenceNumber == now.sequenceNumber;
    }

    /**
     * Whether this entry names its document by the bare business id, as checkpoints sealed before ids became per
     * document type did (migration V202612071501 qualified the stored ids, never a sealed checkpoint).
     */
    boolean sealedBeforeTypedIds() {
        return DocumentKey.parse(aggregateId).isEmpty();
    }

    boolean sameHash(CheckpointEntry other) {
        return Arrays.equals(eventHash, other.eventHash);
    }

    /** The binary form stored in {@code event_chain_checkpoint.entries}, in global-index order. */
    static byte[] encode(List<CheckpointEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (CheckpointEntry entry : entries) {
                out.writeLong(entry.globalIndex());
                out.writeLong(entry.sequenceNumber());
                out.write(entry.eventHash());
                out.writeUTF(entry.aggregateId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<CheckpointEntry> decode(byte[] encoded) {
        List<CheckpointEntry> entries = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            while (in.available() > 0) {
                long globalIndex = in.readLong();
                long sequence = in.readLong();
                byte[] hash = in.readNBytes(32);
                entries.add(new CheckpointEntry(globalIndex, in.readUTF(), sequence, hash));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint entries are not in the stored format", e);
        }
        return entries;
    }
}
