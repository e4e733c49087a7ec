package org.integrationledger.app.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.integrationledger.app.IntegrationLedgerApplication;
import org.integrationledger.app.support.LedgerApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.requisitionApproval;

/**
 * With tracing on, a connector request, the command it sends, the event recorded and the projections that
 * handle it are one trace, and the business key is on the spans. Its own ledger, so the exporter can be a test
 * one without touching the shared test context (where tracing is off).
 */
class TracingIntegrationTest {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final AttributeKey<String> BUSINESS_KEY = AttributeKey.stringKey("ledger.business_key");

    @TempDir
    Path dataDirectory;

    @Test
    void aConnectorRequestItsCommandEventsAndProjectionUpdatesShareOneTrace() {
        String po = newPurchaseOrderId();
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(IntegrationLedgerApplication.class,
                InMemoryTracing.class).run("--ledger.database.url=",
                "--ledger.database.embedded.data-directory=" + dataDirectory.resolve("postgres"),
                "--ledger.tracing.enabled=true", "--server.port=0")) {
            LedgerApi api = new LedgerApi("http://localhost:" + ledger.getEnvironment().getProperty("local.server.port"));
            assertThat(api.post("/api/v1/purchase-orders/" + po + "/requisition-approval", PROCUREMENT_KEY,
                    requisitionApproval("US01")).status()).isEqualTo(200);

            SpanData request = await().atMost(Duration.ofSeconds(15)).until(() -> SPANS.getFinishedSpanItems().stream()
                    .filter(span -> span.getName().equals("POST /api/v1/purchase-orders/" + po + "/requisition-approval"))
                    .findFirst().orElse(null), span -> span != null);
            assertThat(request.getAttributes().get(BUSINESS_KEY)).isEqualTo(po);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<SpanData> trace = SPANS.getFinishedSpanItems().stream()
                        .filter(span -> span.getTraceId().equals(request.getTraceId())).toList();
                String names = trace.stream().map(SpanData::getName).collect(Collectors.joining("\n"));
                String all = SPANS.getFinishedSpanItems().stream().map(span -> span.getTraceId() + " " + span.getName()
                        + " links=" + span.getLinks().size()).collect(Collectors.joining("\n"));
                assertThat(names).as(all).contains("CommandBus.handleCommand(RecordRequisitionApproval)")
                        .contains("PurchaseOrderProjection.on").contains("SlaClockProjection.on");
                assertThat(trace.stream().filter(span -> span != request)
                        .filter(span -> po.equals(span.getAttributes().get(BUSINESS_KEY))).count())
                        .as("command and event spans carry the business key").isGreaterThanOrEqualTo(2);
            });
        }
    }

    /** The SDK the ledger uses when tracing is on, exporting to memory instead of a collector. */
    @Configuration(proxyBeanMethods = false)
    static class InMemoryTracing {

        @Bean
        OpenTelemetry openTelemetry() {
            return OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder()
                            .addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
                    .build();
        }
    }
}
