package org.integrationledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.integrationledger.app.support.LedgerApi;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.PurchaseOrderRequests;
import org.integrationledger.app.support.RawHttp;
import org.integrationledger.app.support.SupplierRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body over {@code ledger.web.max-request-body} is answered 413 before it is parsed, a JSON body that is not
 * well-formed UTF-8 400; neither writes anything.
 */
class RequestBodyCheckIntegrationTest extends LedgerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PROCUREMENT = Map.of("X-Api-Key", LedgerApi.PROCUREMENT_KEY,
            "Content-Type", "application/json");

    @LocalServerPort
    private int port;
    @Autowired
    private WebLimitsProperties limits;
    private RawHttp raw;

    @BeforeEach
    void connect() {
        raw = new RawHttp(port);
    }

    @Test
    void acceptsTheLargestRealMessageWithRoomToSpare() throws Exception {
        String purchaseOrderId = PurchaseOrderRequests.newPurchaseOrderId();
        Map<String, Object> order = largestOrder();
        byte[] body = JSON.writeValueAsBytes(order);

        LedgerApi.Response response = api.post("/api/v1/purchase-orders/" + purchaseOrderId + "/issue",
                LedgerApi.PROCUREMENT_KEY, order);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        // The documented figure (docs/canonical-model.md): about 830 KB, well under half the limit.
        assertThat(body.length).isBetween(800_000, (int) (limits.maxRequestBody().toBytes() / 2));
    }

    @Test
    void refusesAPaddedTenMegabyteOrderUnreadAndWritesNothing() throws Exception {
        String purchaseOrderId = PurchaseOrderRequests.newPurchaseOrderId();
        Map<String, Object> order = PurchaseOrderRequests.issue("US01", "USD");
        order.put("requisitionNumber", "R".repeat(10 * 1024 * 1024));
        long eventsBefore = events.totalEvents();
        long messagesBefore = events.acceptedMessages();

        RawHttp.Response response = raw.send("POST", "/api/v1/purchase-orders/" + purchaseOrderId + "/issue",
                PROCUREMENT, JSON.writeValueAsBytes(order));

        ErrorSurfaceIntegrationTest.assertProblem(response, 413, "payload-too-large");
        assertThat(events.totalEvents()).isEqualTo(eventsBefore);
        assertThat(events.acceptedMessages()).isEqualTo(messagesBefore);
        assertThat(api.get("/api/v1/purchase-orders/" + purchaseOrderId, LedgerApi.REPORTING_KEY).status())
                .isEqualTo(404);
    }

    @Test
    void refusesAnOversizedBodySentWithoutALength() throws Exception {
        String purchaseOrderId = PurchaseOrderRequests.newPurchaseOrderId();
        Map<String, Object> order = PurchaseOrderRequests.issue("US01", "USD");
        order.put("requisitionNumber", "R".repeat(3 * 1024 * 1024));
        long eventsBefore = events.totalEvents();

        RawHttp.Response response = raw.sendChunked("POST", "/api/v1/purchase-orders/" + purchaseOrderId + "/issue",
                PROCUREMENT, JSON.writeValueAsBytes(order), 64 * 1024);

        ErrorSurfaceIntegrationTest.assertProblem(response, 413, "payload-too-large");
        assertThat(events.totalEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void readsABodySentWithoutALengthUnderTheLimit() throws Exception {
        String purchaseOrderId = PurchaseOrderRequests.newPurchaseOrderId();

        RawHttp.Response response = raw.sendChunked("POST", "/api/v1/purchase-orders/" + purchaseOrderId + "/issue",
                PROCUREMENT, JSON.writeValueAsBytes(PurchaseOrderRequests.issue("US01", "USD")), 100);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void refusesJsonThatIsNotWellFormedUtf8() throws Exception {
        byte[][] malformed = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}};
        for (byte[] bytes : malformed) {
            String supplierId = SupplierRequests.newSupplierId();
            Map<String, Object> request = SupplierRequests.request(SupplierRequests.newVatNumber());
            request.put("legalName", "Kugellager @@ Werke GmbH");
            String json = JSON.writeValueAsString(request);
            int at = json.indexOf("@@");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes(json.substring(at + 2).getBytes(StandardCharsets.UTF_8));
            long eventsBefore = events.totalEvents();

            RawHttp.Response response = raw.send("POST", SupplierRequests.path(supplierId, "request"), PROCUREMENT,
                    body.toByteArray());

            ErrorSurfaceIntegrationTest.assertProblem(response, 400, "malformed-request");
            assertThat(events.totalEvents()).isEqualTo(eventsBefore);
        }
    }

    /**
     * An order of 1,000 lines (the most a document may have) with every text at its longest in a script of three
     * UTF-8 bytes per character: the largest message a connector has reason to send.
     */
    static Map<String, Object> largestOrder() {
        Map<String, Object> order = PurchaseOrderRequests.issue("US01", "USD");
        order.put("messageId", "m".repeat(100) + PurchaseOrderRequests.newMessageId().substring(0, 28));
        order.put("requisitionNumber", "R".repeat(64));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int number = 1; number <= 1000; number++) {
            lines.add(Map.of("lineNumber", number, "description", "軸受".repeat(120), "quantity", "99999.999",
                    "unitOfMeasure", "KGM", "unitPrice", "99999.9999"));
        }
        order.put("lines", lines);
        order.put("totalAmount", new BigDecimal("99999.999").multiply(new BigDecimal("99999.9999"))
                .multiply(BigDecimal.valueOf(1000)).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
        return order;
    }
}
