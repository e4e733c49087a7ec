package org.integrationledger.app.intake;

import java.util.List;

/**
 * What became of one connector message that did not arrive as its own HTTP request: the outcome the HTTP endpoint
 * would have answered (recorded, or replayed from the first delivery of its message id), or the rejection with the
 * stable code and detail of its problem document. {@code command} and {@code documentId} are its business key.
 */
public record MessageOutcome(String messageId, String command, String documentId, Status status,
                             Long ledgerVersion, List<String> recorded, String code, String detail, String pointer) {

    /** Recorded now, answered from an earlier delivery of the same message id, or refused with nothing written. */
    public enum Status { RECORDED, REPLAYED, REJECTED }

    public MessageOutcome {
        recorded = recorded == null ? List.of() : List.copyOf(recorded);
    }

    static MessageOutcome rejected(String messageId, String command, String documentId, String code, String detail,
                                   String pointer) {
        return new MessageOutcome(messageId, command, documentId, Status.REJECTED, null, List.of(), code, detail,
                pointer == null || pointer.isEmpty() ? null : pointer);
    }
}
