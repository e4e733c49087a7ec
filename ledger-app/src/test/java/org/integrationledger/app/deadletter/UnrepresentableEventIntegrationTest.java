package org.integrationledger.app.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.Rebuilds;
import org.integrationledger.model.purchaseorder.IssuePurchaseOrder;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.purchaseorder.PurchaseOrderLine;
import org.integrationledger.model.purchaseorder.Quantity;
import org.integrationledger.model.purchaseorder.UnitPrice;
import org.integrationledger.model.shared.LedgerMetadata;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.MessageId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ADMIN_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newMessageId;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/**
 * The poison messages of issue 29: orders whose business time PostgreSQL cannot hold (the years 318857 and -5000).
 * The API refuses such times now (docs/canonical-model.md, "Limits and refusals"), but events recorded before it did
 * stay in the store, so the year -5000 is recorded here through the command bus, as the connector API once passed it
 * on (the command bus itself refuses a time ahead of the ledger's clock).
 * Each is parked by every view that would store it, the orders after it keep flowing, health is not UP, and a
 * rebuild of every projection completes, equal to the live views, leaving them out.
 */
class UnrepresentableEventIntegrationTest extends LedgerIntegrationTest {

    private static final List<String> PROJECTIONS = List.of("invoice-view", "purchase-order-view",
            "reconciliation-view", "supplier-view", "trace-view");
    private static final List<String> STORING_BUSINESS_TIME = List.of("purchase-order-view", "reconciliation-view",
            "trace-view");

    @Autowired
    private ParkedCounts counts;
    @Autowired
    private CommandGateway commands;

    private final List<String> poisoned = new ArrayList<>();

    @AfterEach
    void evictThePoisonedOrders() {
        for (JsonNode parked : parked()) {
            if (poisoned.contains(parked.path("documentId").asText())) {
                api.delete("/api/v1/operations/dead-letters/" + parked.path("processor").asText() + "/"
                        + parked.path("sequence").asText(), ADMIN_KEY);
            }
        }
    }

    @Test
    void anOrderOfAYearPostgresqlCannotHoldIsParkedWhileLaterOrdersFlowAndRebuildsComplete() {
        for (String year : List.of("+318857-01-01T00:00:00Z", "-5000-01-01T00:00:00Z")) {
            String order = newPurchaseOrderId();
            Map<String, Object> body = issue("US01", "USD");
            body.put("occurredAt", year);
            assertThat(api.post("/api/v1/purchase-orders/" + order + "/issue", PROCUREMENT_KEY, body).status())
                    .as("refused by the contract as it stands").isEqualTo(422);
            if (Instant.parse(year).isAfter(Instant.now())) {
                // A time ahead of the ledger's clock no longer passes the command bus either (BusinessTimeHorizon);
                // such an event stored earlier takes the same path as the year -5000 below.
                assertThatThrownBy(() -> recordedBeforeTheLimits(order, Instant.parse(year)))
                        .hasMessageContaining("lies after the ledger's clock");
                continue;
            }
            recordedBeforeTheLimits(order, Instant.parse(year));
            poisoned.add(order);
        }
        String later = newPurchaseOrderId();
        assertThat(api.post("/api/v1/purchase-orders/" + later + "/issue", PROCUREMENT_KEY, issue("US01", "USD"))
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/purchase-orders/" + later, REPORTING_KEY).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + later, REPORTING_KEY).status())
                    .isEqualTo(200);
            for (String order : poisoned) {
                assertThat(processorsParking(order)).containsAll(STORING_BUSINESS_TIME);
            }
        });
        for (String order : poisoned) {
            JsonNode parked = parked().stream()
                    .filter(entry -> entry.path("documentId").asText().equals(order)).findFirst().orElseThrow();
            assertThat(parked.path("causeType").asText()).endsWith("UnrepresentableValueException");
            assertThat(parked.path("causeMessage").asText()).contains(order).contains("occurredAt");
            assertThat(api.get("/api/v1/purchase-orders/" + order, REPORTING_KEY).status()).isEqualTo(404);
        }
        counts.refresh();
        assertThat(api.get("/actuator/health", null).body().path("components").path("eventProcessors")
                .path("status").asText()).isEqualTo("DEGRADED");

        PROJECTIONS.forEach(this::awaitCaughtUp);
        Map<String, String> live = new HashMap<>();
        PROJECTIONS.forEach(name -> live.put(name, Rebuilds.checksum(api, ADMIN_KEY, name)));
        Map<String, JsonNode> rebuilt = Rebuilds.rebuildAll(api, ADMIN_KEY, PROJECTIONS);
        for (String name : PROJECTIONS) {
            JsonNode progress = rebuilt.get(name);
            assertThat(progress.path("state").asText()).as(name + " " + progress).isEqualTo("COMPLETED");
            assertThat(progress.path("checksum").asText()).as(name + ": rebuilt = live").isEqualTo(live.get(name));
            if (STORING_BUSINESS_TIME.contains(name)) {
                assertThat(progress.path("documentsLeftOut").asLong()).as(name).isGreaterThanOrEqualTo(1);
            }
        }
    }

    private void recordedBeforeTheLimits(String order, Instant occurredAt) {
        IssuePurchaseOrder command = new IssuePurchaseOrder(MessageId.of(newMessageId()), SystemId.of("PROCUREMENT"),
                occurredAt, PurchaseOrderId.of(order), SupplierId.of("SUP-4711"), LegalEntityId.of("US01"), "REQ-1",
                List.of(new PurchaseOrderLine(1, "Ball bearing 6204", Quantity.of("100", "EA"),
                        UnitPrice.of("12.50", "USD"), true)), Money.of("1250.00", "USD"));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData
                .with(LedgerMetadata.CONNECTOR_ID, "procurement-connector")
                .and(LedgerMetadata.MESSAGE_ID, command.messageId().value())
                .and(LedgerMetadata.REPORTING_SYSTEM, "PROCUREMENT")
                .and(LedgerMetadata.CORRELATION_ID, command.messageId().value())));
    }

    private List<String> processorsParking(String order) {
        return parked().stream().filter(entry -> entry.path("documentId").asText().equals(order))
                .map(entry -> entry.path("processor").asText()).toList();
    }

    private List<JsonNode> parked() {
        JsonNode list = api.get("/api/v1/operations/dead-letters", REPORTING_KEY).body().path("documents");
        return StreamSupport.stream(list.spliterator(), false).toList();
    }
}
