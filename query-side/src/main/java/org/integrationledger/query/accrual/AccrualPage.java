package org.integrationledger.query.accrual;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Which page of lines to answer: the lines after {@code after} (null: from the first) in order id and line number
 * order, {@code size} at most. The cursor a page hands out is the last line's key, base64url-encoded so that it is
 * opaque and safe in a URL.
 */
record AccrualPage(AccrualFacts.LineRef after, int size) {

    AccrualPage {
        if (size < 1 || size > AccrualQueries.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + AccrualQueries.MAX_PAGE_SIZE);
        }
    }

    static AccrualPage first(int size) {
        return new AccrualPage(null, size);
    }

    static AccrualPage of(String cursor, int size) {
        return new AccrualPage(cursor == null || cursor.isBlank() ? null : decode(cursor), size);
    }

    static String encode(AccrualFacts.LineRef line) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (line.lineNumber() + ":" + line.purchaseOrderId()).getBytes(StandardCharsets.UTF_8));
    }

    static AccrualFacts.LineRef decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return new AccrualFacts.LineRef(text.substring(colon + 1), Integer.parseInt(text.substring(0, colon)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cursor is not one this report handed out (take nextCursor as it is)");
        }
    }
}
