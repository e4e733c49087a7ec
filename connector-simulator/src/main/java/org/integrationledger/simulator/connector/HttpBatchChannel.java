package org.integrationledger.simulator.connector;

import org.integrationledger.simulator.workload.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code POST /api/v1/messages}: a connection keeps a batch's worth of documents open and sends the next messages
 * of those that one connector (one API key) reports, up to {@code batchSize} in one request; the answer holds one
 * outcome per message, in order.
 */
public final class HttpBatchChannel implements Channel {

    /** The ledger's limit per batch (docs/connectors.md, "HTTP batch"). */
    public static final int MAX_BATCH = 100;

    private final LedgerClient client;
    private final int batchSize;
    private final JsonMapper json = JsonMapper.builder().build();

    public HttpBatchChannel(LedgerClient client, int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("a batch carries 1 to " + MAX_BATCH + " messages, not " + batchSize);
        }
        this.client = client;
        this.batchSize = batchSize;
    }

    @Override
    public int documentsInFlight() {
        return batchSize;
    }

    @Override
    public int maxHandOver() {
        return batchSize;
    }

    @Override
    public String lane(Message message) {
        return message.apiKey();
    }

    @Override
    public List<Outcome> deliver(List<Message> messages) {
        ObjectNode batch = json.createObjectNode();
        ArrayNode list = batch.putArray("messages");
        for (Message message : messages) {
            ObjectNode entry = list.addObject();
            entry.put("command", message.command());
            entry.put("documentId", message.documentId());
            entry.put("correlationId", message.correlationId());
            // The body goes byte for byte as the single endpoint would get it: no re-encoding of its numbers.
            entry.putRawValue("body", new RawValue(message.body()));
        }
        LedgerClient.Answer answer = client.postJson("/api/v1/messages", messages.get(0).apiKey(),
                json.writeValueAsString(batch), Duration.ofSeconds(120));
        if (answer.status() != 200) {
            // A batch refused whole (or lost) answers every message the same.
            return Collections.nCopies(messages.size(), new Outcome(answer.status(), false, answer.body()));
        }
        JsonNode outcomes = json.readTree(answer.body()).path("outcomes");
        if (outcomes.size() != messages.size()) {
            return Collections.nCopies(messages.size(), Outcome.failed(outcomes.size() + " outcomes for "
                    + messages.size() + " messages: " + answer.body()));
        }
        List<Outcome> result = new ArrayList<>(messages.size());
        for (JsonNode outcome : outcomes) {
            result.add(Outcome.of(outcome.path("status").asString(), outcome.path("code").asString(null),
                    outcome.toString()));
        }
        return result;
    }
}
