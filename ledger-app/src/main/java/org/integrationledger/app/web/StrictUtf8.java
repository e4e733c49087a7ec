package org.integrationledger.app.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a message body is valid UTF-8, the only encoding a JSON body may have: a malformed or unmappable byte is
 * refused, never replaced, so nothing the ledger records reads differently from what the connector sent.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    public static boolean isValid(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }
}
