package org.integrationledger.simulator.connector;

import java.util.Arrays;

/** The ledger's ways in for connectors, as named on the command line ({@code --channel=http|http-batch|kafka}). */
public enum ChannelKind {
    /** One message per request, {@code POST /api/v1/<documents>/<id>/<command>}, the outcome in the answer. */
    HTTP("http"),
    /** Up to a batch of messages per request, {@code POST /api/v1/messages}, one outcome per message in order. */
    HTTP_BATCH("http-batch"),
    /** One record per message on its system's topic, keyed by document id; outcomes on the outcome topic. */
    KAFKA("kafka");

    private final String flag;

    ChannelKind(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    public static ChannelKind of(String flag) {
        return Arrays.stream(values()).filter(kind -> kind.flag.equals(flag)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown channel " + flag + " (http, http-batch, kafka)"));
    }
}
