package org.integrationledger.app.supplier;

import org.integrationledger.app.support.InvoiceRequests;
import org.integrationledger.app.support.LedgerApi.Response;
import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.app.support.PurchaseOrderRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.integrationledger.app.support.LedgerApi.ERP_EMEA_KEY;
import static org.integrationledger.app.support.LedgerApi.ERP_NA_KEY;
import static org.integrationledger.app.support.LedgerApi.PROCUREMENT_KEY;
import static org.integrationledger.app.support.LedgerApi.TREASURY_KEY;
import static org.integrationledger.app.support.SupplierRequests.IBAN;
import static org.integrationledger.app.support.SupplierRequests.MONDAY_8AM;
import static org.integrationledger.app.support.SupplierRequests.NEW_IBAN;
import static org.integrationledger.app.support.SupplierRequests.acknowledgment;
import static org.integrationledger.app.support.SupplierRequests.bankApproval;
import static org.integrationledger.app.support.SupplierRequests.bankProposal;
import static org.integrationledger.app.support.SupplierRequests.decision;
import static org.integrationledger.app.support.SupplierRequests.goldenRecord;
import static org.integrationledger.app.support.SupplierRequests.newSupplierId;
import static org.integrationledger.app.support.SupplierRequests.newVatNumber;
import static org.integrationledger.app.support.SupplierRequests.path;
import static org.integrationledger.app.support.SupplierRequests.request;

/**
 * After every bank-account path (request, proposal, approval, acknowledgment with the copy's account), no clear
 * account number, nor any long part of one, is anywhere in the event store, the idempotency table, the claim
 * table or the read models: every text column of those tables is scanned.
 */
class BankDataNeverInClearIntegrationTest extends LedgerIntegrationTest {

    private static final List<String> TABLES = List.of("domain_event_entry", "connector_message",
            "supplier_tax_id_claim", "supplier_view", "supplier_copy_view", "control_supplier_bank_account",
            "control_violation", "control_invoice_context");

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void noClearBankAccountNumberIsStoredAnywhere() {
        String supplier = newSupplierId();
        ok(path(supplier, "request"), PROCUREMENT_KEY, request(newVatNumber()));
        ok(path(supplier, "approval"), PROCUREMENT_KEY, decision("head.of.procurement@example.com", null));
        ok(path(supplier, "golden-record"), ERP_NA_KEY, goldenRecord("ERP_NA", "V-3", MONDAY_8AM.plusSeconds(7_200)));
        ok(path(supplier, "acknowledgments"), ERP_EMEA_KEY, acknowledgment("ERP_EMEA", 1, "E-3",
                "de89 3704 0044 0532 0130 00", MONDAY_8AM.plusSeconds(9_000)));
        ok(path(supplier, "bank-account-changes"), ERP_NA_KEY, bankProposal(NEW_IBAN, "ap.clerk@example.com",
                MONDAY_8AM.plusSeconds(10_000)));
        ok(path(supplier, "bank-account-changes/approval"), ERP_NA_KEY, bankApproval("controller@example.com",
                MONDAY_8AM.plusSeconds(11_000)));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM supplier_copy_view WHERE supplier_id = ? AND requested_version = 2",
                Integer.class, supplier) == 2);
        // Treasury pays the old account after the change: the payment and its control violation name it, masked.
        String order = PurchaseOrderRequests.newPurchaseOrderId();
        String invoice = InvoiceRequests.newInvoiceId();
        ok("/api/v1/purchase-orders/" + order + "/issue", PROCUREMENT_KEY,
                InvoiceRequests.purchaseOrder(supplier, "US01", "USD"));
        ok(InvoiceRequests.path(invoice, "receipt"), PROCUREMENT_KEY,
                InvoiceRequests.invoice(supplier, order, InvoiceRequests.newInvoiceNumber(), "USD"));
        Map<String, Object> payment = InvoiceRequests.payment("PAY-1", "2214.00", "USD");
        payment.put("beneficiaryAccountNumber", "de89 3704 0044 0532 0130 00");
        ok(InvoiceRequests.path(invoice, "payments"), TREASURY_KEY, payment);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM control_violation WHERE invoice_id = ?", Integer.class, invoice) == 1);

        for (String table : TABLES) {
            String everything = String.join("\n", jdbc.queryForList("SELECT " + textOfEveryColumn(table)
                    + " FROM " + table, String.class));
            assertThat(everything).as(table + " has rows").isNotBlank();
            for (String iban : List.of(IBAN, NEW_IBAN)) {
                // The masked form keeps the last four characters; anything longer than that must not be there.
                for (int start = 0; start + 8 <= iban.length(); start++) {
                    assertThat(everything).as(table).doesNotContain(iban.substring(start, start + 8));
                }
            }
        }
    }

    /**
     * Every column as text. Bytea columns are escape-encoded: JSON payloads and metadata stay readable, and
     * binary ones (the event hash chain) do not break the scan.
     */
    private String textOfEveryColumn(String table) {
        List<String> columns = jdbc.queryForList("""
                SELECT CASE WHEN data_type = 'bytea' THEN 'coalesce(encode(' || column_name || ', ''escape''), '''')'
                            ELSE 'coalesce(' || column_name || '::text, '''')' END
                FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position""", String.class, table);
        return String.join(" || ' ' || ", columns);
    }

    private void ok(String path, String key, Object body) {
        Response response = api.post(path, key, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
