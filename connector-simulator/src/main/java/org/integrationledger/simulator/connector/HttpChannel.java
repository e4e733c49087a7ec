package org.integrationledger.simulator.connector;

import org.integrationledger.simulator.workload.Message;

import java.util.List;

/** One message per request to its own endpoint: a connection plays one document at a time, message by message. */
public final class HttpChannel implements Channel {

    private final LedgerClient client;

    public HttpChannel(LedgerClient client) {
        this.client = client;
    }

    @Override
    public int documentsInFlight() {
        return 1;
    }

    @Override
    public int maxHandOver() {
        return 1;
    }

    @Override
    public String lane(Message message) {
        return message.apiKey();
    }

    @Override
    public List<Outcome> deliver(List<Message> messages) {
        return messages.stream().map(message -> Outcome.of(client.send(message))).toList();
    }
}
