package org.integrationledger.app.purchaseorder;

import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationledger.app.support.InvoiceRequests.invoice;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceId;
import static org.integrationledger.app.support.InvoiceRequests.newInvoiceNumber;
import static org.integrationledger.app.support.InvoiceRequests.newSupplierId;
import static org.integrationledger.app.support.InvoiceRequests.path;
import static org.integrationledger.app.support.InvoiceRequests.purchaseOrder;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.PurchaseOrderRequests.erpPosting;
import static org.integrationledger.app.support.PurchaseOrderRequests.issue;
import static org.integrationledger.app.support.PurchaseOrderRequests.newPurchaseOrderId;

/** Amounts are in money a legal entity books in: other codes are refused with their own code, writing nothing. */
class CurrencyRulesIntegrationTest extends LedgerIntegrationTest {

    @ParameterizedTest
    @CsvSource({"XXX, is not money", "XAU, is not money", "XDR, is not money", "CLF, fund code",
            "USN, fund code", "DEM, withdrawn"})
    void refusesAnOrderInACodeThatIsNotMoney(String code, String why) {
        Response refused = refused("/api/v1/purchase-orders/" + newPurchaseOrderId() + "/issue", PROCUREMENT_KEY,
                issue("US01", code), "unsupported-currency");

        assertThat(refused.body().path("detail").asText()).contains("field currency", code, why);
    }

    @Test
    void refusesAnOrderInACurrencyItsLegalEntityDoesNotBookIn() {
        Response refused = refused("/api/v1/purchase-orders/" + newPurchaseOrderId() + "/issue", PROCUREMENT_KEY,
                issue("US01", "EUR"), "currency-not-allowed-for-legal-entity");

        assertThat(refused.body().path("detail").asText()).contains("US01 books in USD, not EUR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XTS", "XPT"})
    void refusesAnErpPostedTotalInACodeThatIsNotMoney(String code) {
        String po = newPurchaseOrderId();
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY, issue("US01", "USD"))
                .status()).isEqualTo(200);
        Map<String, Object> posting = erpPosting("ERP_NA", 1, "4500000001");
        posting.put("postedTotal", "2050.00");
        posting.put("currency", code);

        refused("/api/v1/purchase-orders/" + po + "/erp-postings", ERP_NA_KEY, posting, "unsupported-currency");
    }

    @Test
    void refusesAnInvoiceInACodeThatIsNotMoney() {
        String supplier = newSupplierId();
        String po = newPurchaseOrderId();
        assertThat(api.post("/api/v1/purchase-orders/" + po + "/issue", PROCUREMENT_KEY,
                purchaseOrder(supplier, "US01", "USD")).status()).isEqualTo(200);

        refused(path(newInvoiceId(), "receipt"), PROCUREMENT_KEY, invoice(supplier, po, newInvoiceNumber(), "XXX"),
                "unsupported-currency");
    }

    private Response refused(String path, String key, Object body, String code) {
        long eventsBefore = events.totalEvents();
        long messagesBefore = events.acceptedMessages();

        Response response = api.post(path, key, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        assertThat(events.totalEvents()).as("events written by a refused request").isEqualTo(eventsBefore);
        assertThat(events.acceptedMessages()).as("message ids claimed by a refused request").isEqualTo(messagesBefore);
        return response;
    }
}
