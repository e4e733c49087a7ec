package org.integrationledger.simulator.benchmark;

import org.integrationledger.simulator.connector.TrafficRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, in the order it was measured; the report renders it. */
final class Results {

    /**
     * One ingest phase. {@code catchUpSeconds}: from the end of the traffic until every streaming processor had
     * handled every stored event (includes one fresh order made visible, tens of milliseconds); the usage covers
     * the traffic and the catch-up.
     */
    record Ingest(String configuration, long storedEvents, int concurrency, TrafficRun.Result traffic,
                  double catchUpSeconds, PhaseMeter.Usage usage) {

        /** Accepted messages over the traffic's seconds plus the catch-up's: the rate the whole ledger sustains. */
        double sustainedPerSecond() {
            return traffic.accepted() / (traffic.seconds() + catchUpSeconds);
        }
    }

    record Raw(int concurrency, RawPostgresBaseline.Result result, int payloadBytes, int metadataBytes,
               PhaseMeter.Usage usage) {
    }

    record Lag(String configuration, double targetRate, TrafficRun.Result background, LagProbe.Result lag,
               PhaseMeter.Usage usage) {
    }

    /**
     * Growth to a level: over HTTP ({@code traffic} set) or through the bulk loader ({@code traffic} null), then
     * the wait until every projection has caught up ({@code catchUpSeconds}, from the load's end).
     */
    record Preload(String mode, long fromEvents, long toEvents, long documents, long loadedEvents, double loadSeconds,
                   double catchUpSeconds, TrafficRun.Result traffic, PhaseMeter.Usage usage) {
        double eventsPerSecond() {
            return loadSeconds <= 0 ? Double.NaN : loadedEvents / loadSeconds;
        }

        double catchUpEventsPerSecond() {
            return catchUpSeconds <= 0 ? Double.NaN : loadedEvents / catchUpSeconds;
        }
    }

    final Map<String, String> environment = new LinkedHashMap<>();
    final List<Ingest> ingest = new ArrayList<>();
    final List<Raw> raw = new ArrayList<>();
    final List<Lag> lag = new ArrayList<>();
    final List<Preload> preloads = new ArrayList<>();
    final List<ChannelPhase.Row> channels = new ArrayList<>();
    /** Where the channel phase's offered load came from. */
    String channelRateSource;
    final List<ReplayProbe.Result> replays = new ArrayList<>();
    PhaseMeter.Usage replayUsage;
    final List<QueryProbe.Result> queries = new ArrayList<>();
    PhaseMeter.Usage queryUsage;
    /** Seconds waited for the machine to settle before the queries, or -1 if it did not. */
    double querySettleSeconds;
    long queryDocuments;
    long queryEvents;
    HotSpots.Summary hotSpots;
    final List<String> notes = new ArrayList<>();
}
