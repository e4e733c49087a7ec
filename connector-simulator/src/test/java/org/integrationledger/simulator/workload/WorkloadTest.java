package org.integrationledger.simulator.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    private static final Instant DAY = Instant.parse("2026-11-23T08:00:00Z");

    private static List<Message> messages(long seed, int documents) {
        Workload workload = Workload.referenceScenario(seed, WorkloadSettings.defaults("T", DAY));
        return LongStream.range(0, documents).mapToObj(workload::document).flatMap(List::stream).toList();
    }

    @Test
    void sameSeedGivesTheSameTrafficAndAnotherSeedDoesNot() {
        assertThat(messages(42, 500)).isEqualTo(messages(42, 500));
        assertThat(messages(43, 500)).isNotEqualTo(messages(42, 500));
    }

    @Test
    void aDocumentDependsOnlyOnSeedAndNumberSoWorkersMayGenerateInAnyOrder() {
        Workload workload = Workload.referenceScenario(7, WorkloadSettings.defaults("T", DAY));
        List<Message> late = workload.document(999);
        workload.document(3);
        assertThat(Workload.referenceScenario(7, WorkloadSettings.defaults("T", DAY)).document(999)).isEqualTo(late);
    }

    @Test
    void followsTheReferenceScenarioRatios() {
        List<Message> all = messages(42, 5000);
        Map<String, Long> documentsByKind = all.stream().collect(Collectors.groupingBy(Message::documentKind,
                Collectors.mapping(Message::documentId, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        assertThat(documentsByKind.get("purchase-order")).isBetween(4300L, 4700L);
        assertThat(documentsByKind.get("supplier")).isBetween(300L, 700L);
        // Invoices follow most received orders (about 0.7 x 0.8 of them), paid and confirmed in most cases.
        assertThat(documentsByKind.get("invoice")).isBetween(2000L, 3000L);

        long retried = all.stream().filter(Message::retried).count();
        assertThat((double) retried / all.size()).isBetween(0.03, 0.07);
        Map<String, Long> steps = all.stream().collect(Collectors.groupingBy(Message::step, Collectors.counting()));
        assertThat(steps).containsKeys("requisition-approval", "issue", "erp-postings", "erp-rejections", "amendments",
                "goods-receipts", "closure", "cancellation", "request", "approval", "golden-record", "acknowledgments",
                "changes", "rejection", "receipt", "tax-validations", "payments", "payment-confirmation-deliveries",
                "payment-confirmations");
        assertThat(all.stream().filter(m -> m.expectedStatus() == 422).count()).isPositive();
    }

    @Test
    void sendsSomeErpPostingsBeforeTheOrderIsIssued() {
        Workload workload = Workload.referenceScenario(42, WorkloadSettings.defaults("T", DAY));
        long outOfOrder = LongStream.range(0, 2000).mapToObj(workload::document)
                .filter(messages -> !messages.isEmpty() && messages.get(0).documentKind().equals("purchase-order"))
                .filter(messages -> {
                    List<String> steps = messages.stream().map(Message::step).toList();
                    return steps.indexOf("erp-postings") >= 0 && steps.indexOf("erp-postings") < steps.indexOf("issue");
                }).count();
        assertThat(outOfOrder).isBetween(40L, 160L);
    }

    @Test
    void routesEachLegalEntityToItsErpWithItsKey() {
        Map<String, String> keyByErp = messages(42, 1000).stream().filter(m -> m.step().equals("erp-postings"))
                .collect(Collectors.toMap(m -> m.body().contains("\"ERP_NA\"") ? "ERP_NA" : "ERP_EMEA", Message::apiKey,
                        (a, b) -> {
                            assertThat(a).isEqualTo(b);
                            return a;
                        }));
        assertThat(keyByErp).containsEntry("ERP_NA", "dev-erp-na-key").containsEntry("ERP_EMEA", "dev-erp-emea-key");
        assertThat(messages(42, 1000).stream().map(Message::body).map(b -> b.contains("\"messageId\""))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))).containsOnlyKeys(true);
    }

    @Test
    void aSpreadRunStartsDocumentsOverItsDaysAndSendsNothingAfterItsHorizon() {
        Instant horizon = DAY.plus(java.time.Duration.ofDays(30));
        Workload workload = Workload.referenceScenario(42, WorkloadSettings.defaults("T", DAY).spreadUntil(30, horizon));
        List<List<Message>> documents = LongStream.range(0, 1000).mapToObj(workload::document).toList();
        List<Message> all = documents.stream().flatMap(List::stream).toList();

        assertThat(all).allSatisfy(message -> assertThat(message.occurredAt()).isBeforeOrEqualTo(horizon));
        Map<Long, Long> startsPerDay = documents.stream().filter(messages -> !messages.isEmpty())
                .map(messages -> messages.stream().map(Message::occurredAt).min(Instant::compareTo).orElseThrow())
                .collect(Collectors.groupingBy(start -> java.time.Duration.between(DAY, start).toDays(),
                        Collectors.counting()));
        assertThat(startsPerDay.keySet()).as("days documents start on").hasSizeGreaterThan(25);
        // Documents started in the last days are still in flight: fewer of them reached an invoice or a closure.
        long unsentSteps = LongStream.range(0, 1000).map(n -> Workload.referenceScenario(42,
                WorkloadSettings.defaults("T", DAY).spreadUntil(30, null)).document(n).size()
                - documents.get((int) n).size()).sum();
        assertThat(unsentSteps).as("steps still ahead of the horizon").isPositive();
    }

    @Test
    void withoutASpreadADaysTrafficIsWhatItAlwaysWas() {
        Workload plain = Workload.referenceScenario(42, WorkloadSettings.defaults("T", DAY));
        Workload noSpread = Workload.referenceScenario(42, WorkloadSettings.defaults("T", DAY).spreadUntil(0, null));
        assertThat(LongStream.range(0, 200).mapToObj(noSpread::document).toList())
                .isEqualTo(LongStream.range(0, 200).mapToObj(plain::document).toList());
    }
}
