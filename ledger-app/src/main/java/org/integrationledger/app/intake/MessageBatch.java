package org.integrationledger.app.intake;

import org.integrationledger.app.web.RequestBodyRefusals;
import org.integrationledger.model.shared.ContractViolation;
import org.integrationledger.model.shared.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a batch body, {@code {"messages": [{"command", "documentId", "correlationId", "body"}, ...]}}, into
 * submissions. Each {@code body} is handed on as the bytes the connector wrote, so it is read as strictly as an
 * HTTP request body (a duplicate key, an exponent, an unknown field are refused as there). The batch itself is read
 * strictly too: an unknown field, a duplicate key or more than {@link #MAX_MESSAGES} messages refuse it whole.
 */
final class MessageBatch {

    /** The most messages one batch may carry (docs/connectors.md). */
    static final int MAX_MESSAGES = 100;

    private static final byte[] NOT_AN_OBJECT = "null".getBytes(StandardCharsets.UTF_8);

    private MessageBatch() {
    }

    static List<Submission> read(byte[] raw, JsonMapper strict) {
        try (JsonParser parser = strict.createParser(raw)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "",
                    "the body must be an object with a 'messages' array");
            List<Submission> messages = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!"messages".equals(name)) {
                    throw unknownField("/" + name);
                }
                expect(parser.currentToken() == JsonToken.START_ARRAY, "/messages", "'messages' must be an array");
                messages = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String at = "/messages/" + messages.size();
                    expect(parser.currentToken() == JsonToken.START_OBJECT, at, "a message must be an object");
                    if (messages.size() == MAX_MESSAGES) {
                        throw new ContractViolation(ErrorCode.LIMIT_EXCEEDED, "/messages", "a batch carries at most "
                                + MAX_MESSAGES + " messages");
                    }
                    messages.add(message(parser, raw, at));
                }
            }
            expect(parser.nextToken() == null, "", "nothing may follow the batch object");
            expect(messages != null && !messages.isEmpty(), "/messages", "'messages' must list at least one message");
            return messages;
        } catch (JacksonException e) {
            ContractViolation violation = RequestBodyRefusals.violationOf(e);
            throw violation != null ? violation : new ContractViolation(ErrorCode.MALFORMED_REQUEST,
                    RequestBodyRefusals.pointerOf(e), "the body is not a JSON batch of messages");
        }
    }

    private static Submission message(JsonParser parser, byte[] raw, String at) {
        String command = null;
        String documentId = null;
        String correlationId = null;
        byte[] body = NOT_AN_OBJECT;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "command" -> command = text(parser, value, at + "/command");
                case "documentId" -> documentId = text(parser, value, at + "/documentId");
                case "correlationId" -> correlationId = text(parser, value, at + "/correlationId");
                case "body" -> {
                    if (value == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        body = Arrays.copyOfRange(raw, start, (int) parser.currentLocation().getByteOffset());
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> throw unknownField(at + "/" + name);
            }
        }
        return new Submission(command, documentId, body, correlationId);
    }

    private static String text(JsonParser parser, JsonToken value, String at) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value == JsonToken.VALUE_STRING, at, "a text is expected");
        return parser.getString();
    }

    private static ContractViolation unknownField(String pointer) {
        return new ContractViolation(ErrorCode.UNKNOWN_FIELD, pointer, "a batch has no field " + pointer
                + "; a message has command, documentId, correlationId and body");
    }

    private static void expect(boolean condition, String pointer, String detail) {
        if (!condition) {
            throw new ContractViolation(ErrorCode.MALFORMED_REQUEST, pointer, detail);
        }
    }
}
