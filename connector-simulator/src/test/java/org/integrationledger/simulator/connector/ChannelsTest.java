package org.integrationledger.simulator.connector;

import org.integrationledger.simulator.benchmark.LedgerProcess;
import org.integrationledger.simulator.workload.Message;
import org.integrationledger.simulator.workload.Workload;
import org.integrationledger.simulator.workload.WorkloadSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's three channels against the packaged ledger jar (embedded PostgreSQL) and a real Kafka broker in
 * this process (spring-kafka-test's KRaft broker): the reference scenario's messages, retries and scripted
 * rejections included, are answered as the script expects over each of them.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ChannelsTest {

    private static final Instant DAY = Instant.parse("2026-09-30T08:00:00Z");
    private static final int DOCUMENTS = 60;

    private static InProcessKafka broker;
    private static LedgerProcess ledger;
    private static Path work;

    @BeforeAll
    static void startBrokerAndLedger() throws IOException {
        broker = InProcessKafka.start(2);
        work = Files.createTempDirectory("simulator-channels");
        // As the fault suite starts its ledgers: this tests answers, not speed, and a shared 2-core machine has taken
        // more than four minutes to start a ledger with the full JIT.
        ledger = LedgerProcess.startEmbeddedDefault("channels", LedgerProcess.builtJar(), work,
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                List.of("--ledger.kafka.bootstrap-servers=" + broker.bootstrapServers()), Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void playsTheScenarioOverHttp() {
        Workload workload = workload("CH");
        TrafficRun.Result result = new TrafficRun(new HttpChannel(ledger.client()), workload).play(0, DOCUMENTS, 4, 300,
                null);

        assertAnsweredAsScripted(result, workload);
    }

    @Test
    void playsTheScenarioInBatches() {
        Workload workload = workload("CB");
        TrafficRun.Result result = new TrafficRun(new HttpBatchChannel(ledger.client(), 25), workload)
                .play(0, DOCUMENTS, 2, 300, null);

        assertAnsweredAsScripted(result, workload);
    }

    @Test
    void playsTheScenarioOverKafkaAndLearnsEveryOutcomeFromTheOutcomeTopic() {
        Workload workload = workload("CK");
        try (KafkaChannel kafka = new KafkaChannel(broker.bootstrapServers())) {
            TrafficRun.Result result = new TrafficRun(kafka, workload).play(0, DOCUMENTS, 2, 300, null);

            assertAnsweredAsScripted(result, workload);
            assertThat(kafka.unsolicitedOutcomes()).isZero();
        }
    }

    @Test
    void messagesRecordedOverHttpAreAnsweredReplayedOverKafkaAndInBatches() {
        Workload workload = workload("CX");
        TrafficRun.Result first = new TrafficRun(new HttpChannel(ledger.client()), workload).play(0, 20, 2, 300, null);
        assertAnsweredAsScripted(first, workload, 20);

        TrafficRun.Result overKafka;
        try (KafkaChannel kafka = new KafkaChannel(broker.bootstrapServers())) {
            overKafka = new TrafficRun(kafka, workload).play(0, 20, 2, 300, null);
        }
        TrafficRun.Result inBatches = new TrafficRun(new HttpBatchChannel(ledger.client(), 100), workload)
                .play(0, 20, 1, 300, null);

        for (TrafficRun.Result again : List.of(overKafka, inBatches)) {
            assertThat(again.unexpected()).as(again.unexpectedSamples().toString()).isZero();
            // Nothing is recorded a second time: every accepted message is the replay of its first delivery.
            assertThat(again.accepted()).isEqualTo(first.accepted());
            assertThat(again.replayed()).isEqualTo(again.accepted());
        }
    }

    private static Workload workload(String run) {
        return Workload.referenceScenario(42, WorkloadSettings.defaults(run + System.nanoTime() % 100000, DAY));
    }

    private static void assertAnsweredAsScripted(TrafficRun.Result result, Workload workload) {
        assertAnsweredAsScripted(result, workload, DOCUMENTS);
    }

    private static void assertAnsweredAsScripted(TrafficRun.Result result, Workload workload, int documents) {
        List<Message> scripted = LongStream.range(0, documents).mapToObj(workload::document).flatMap(List::stream)
                .flatMap(m -> m.retried() ? Stream.of(m, m) : Stream.of(m)).toList();
        assertThat(result.unexpected()).as(result.unexpectedSamples().toString()).isZero();
        assertThat(result.documents()).isEqualTo(documents);
        assertThat(result.messages()).isEqualTo(scripted.size());
        assertThat(result.accepted()).isEqualTo(scripted.stream().filter(m -> m.expectedStatus() == 200).count());
        // Every retried message is sent twice; the second (of those accepted) answers the first outcome.
        assertThat(result.replayed()).isEqualTo(scripted.stream().filter(m -> m.retried() && m.expectedStatus() == 200)
                .count() / 2);
    }
}
