package org.integrationledger.app.controls;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.ReconciliationEntries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.controls.ControlResponses.ok;
import static org.integrationledger.app.controls.ControlResponses.texts;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.REPORTING_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.amendment;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;
import static org.integrationledger.app.support.PurchaseOrderRequests.receipt;

/**
 * Record, then flag, over HTTP, for goods: an over-delivery, goods on a line the order does not have and an
 * amendment below what already arrived are recorded (200, not 422), flagged RECEIVED_BEYOND_ORDER on procurement's
 * row of the reconciliation view until an amendment covers the goods, and a retried message records nothing twice.
 */
class ReceivedBeyondOrderIntegrationTest extends LedgerIntegrationTest {

    @Test
    void anOverDeliveryIsRecordedAndFlaggedUntilAnAmendmentOrdersIt() {
        String po = issuedOrder(newSupplierId());
        Map<String, Object> overDelivery = receipt("101", "10");
        Response received = ok(api.post(order(po, "goods-receipts"), PROCUREMENT_KEY, overDelivery));
        assertThat(texts(received.body().path("recorded"))).containsExactly("GoodsReceived");
        Response retried = ok(api.post(order(po, "goods-receipts"), PROCUREMENT_KEY, overDelivery));
        assertThat(retried.replayed()).isEqualTo("true");
        assertThat(events.eventTypes(po)).containsExactly("PurchaseOrderIssued", "GoodsReceived");

        JsonNode flag = awaitFlag(po, true);
        assertThat(flag.path("system").asText()).isEqualTo("PROCUREMENT");
        assertThat(flag.path("detail").asText())
                .isEqualTo("received beyond the order: line 1: received 101 EA, ordered 100");

        ok(api.post(order(po, "amendments"), PROCUREMENT_KEY, amendment(2, "2062.50", "101")));
        awaitFlag(po, false);
    }

    @Test
    void goodsOnALineNeverOrderedAreRecordedFlaggedAndMatchedOnceAnAmendmentOrdersTheLine() {
        String supplier = newSupplierId();
        String po = issuedOrder(supplier);
        ok(api.post(order(po, "goods-receipts"), PROCUREMENT_KEY, receipt("100", "10")));
        Map<String, Object> unordered = receipt(null, null);
        unordered.put("lines", List.of(Map.of("lineNumber", 3, "quantity", "4", "unitOfMeasure", "EA")));
        assertThat(texts(ok(api.post(order(po, "goods-receipts"), PROCUREMENT_KEY, unordered)).body()
                .path("recorded"))).containsExactly("GoodsReceived");
        assertThat(awaitFlag(po, true).path("detail").asText())
                .isEqualTo("received beyond the order: line 3: received 4 EA, not on the order");

        // Procurement orders the four gaskets that arrived: the flag closes, and an invoice for them matches
        // against the goods received before the line existed.
        Map<String, Object> withGaskets = amendment(2, "2090.00", "100");
        List<Object> lines = new ArrayList<>((List<?>) withGaskets.get("lines"));
        lines.add(Map.of("lineNumber", 3, "description", "Gasket", "quantity", "4", "unitOfMeasure", "EA",
                "unitPrice", "10.00"));
        withGaskets.put("lines", lines);
        ok(api.post(order(po, "amendments"), PROCUREMENT_KEY, withGaskets));
        awaitFlag(po, false);

        Map<String, Object> gaskets = invoice(supplier, po, newInvoiceNumber(), "USD", "12.50", "40.00", "0.00",
                "40.00");
        gaskets.put("lines", List.of(Map.of("lineNumber", 1, "purchaseOrderLine", 3, "quantity", "4",
                "unitOfMeasure", "EA", "unitPrice", "10.00", "taxCode", "S1")));
        Response invoiced = ok(api.post(path(newInvoiceId(), "receipt"), PROCUREMENT_KEY, gaskets));
        assertThat(texts(invoiced.body().path("recorded"))).containsExactly("InvoiceReceived", "InvoiceMatched");
    }

    @Test
    void anAmendmentBelowWhatArrivedIsRecordedAndFlaggedAndAnotherCoveringTheGoodsClosesTheFlag() {
        String po = issuedOrder(newSupplierId());
        ok(api.post(order(po, "goods-receipts"), PROCUREMENT_KEY, receipt("60", null)));
        Map<String, Object> below = amendment(2, "1425.00", "50");
        assertThat(texts(ok(api.post(order(po, "amendments"), PROCUREMENT_KEY, below)).body().path("recorded")))
                .containsExactly("PurchaseOrderAmended");
        assertThat(ok(api.post(order(po, "amendments"), PROCUREMENT_KEY, below)).replayed()).isEqualTo("true");
        assertThat(events.eventTypes(po)).containsExactly("PurchaseOrderIssued", "GoodsReceived",
                "PurchaseOrderAmended");
        assertThat(awaitFlag(po, true).path("detail").asText())
                .isEqualTo("received beyond the order: line 1: received 60 EA, ordered 50");

        ok(api.post(order(po, "amendments"), PROCUREMENT_KEY, amendment(3, "1550.00", "60")));
        awaitFlag(po, false);
    }

    private String issuedOrder(String supplier) {
        String po = newPurchaseOrderId();
        ok(api.post(order(po, "issue"), PROCUREMENT_KEY, purchaseOrder(supplier, "US01", "USD")));
        return po;
    }

    /** Waits until the order's RECEIVED_BEYOND_ORDER flag is open (or closed) and returns it. */
    private JsonNode awaitFlag(String po, boolean open) {
        JsonNode entry = await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/reconciliation/PURCHASE_ORDER/" + po, REPORTING_KEY).body(),
                        body -> ReconciliationEntries.flag(body, "RECEIVED_BEYOND_ORDER").isMissingNode() != open);
        return ReconciliationEntries.flag(entry, "RECEIVED_BEYOND_ORDER");
    }

    private static String order(String po, String action) {
        return "/api/v1/purchase-orders/" + po + "/" + action;
    }
}
