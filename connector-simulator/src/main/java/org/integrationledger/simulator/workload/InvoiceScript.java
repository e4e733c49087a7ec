package org.integrationledger.simulator.workload;

import org.integrationledger.simulator.workload.ReferenceScenario.LegalEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The invoice of a received purchase order and its payment, as the connectors report them: procurement receives
 * the invoice (now and then at a price just outside the tolerance, a match variance), the tax engine validates it
 * (a few fail with their regime's reason code and are corrected later), the routed ERP posts it when it matched,
 * treasury pays it and reports the confirmation sent, and procurement acknowledges most confirmations (the rest
 * are question 4). Messages come after the order's, in the same document script, because an invoice needs its
 * order known to the ledger.
 */
final class InvoiceScript {

    private static final String TAX_KEY = "dev-tax-key";
    private static final String TREASURY_KEY = "dev-treasury-key";

    private final String invoiceId;
    private final LegalEntity entity;
    private final SplittableRandom random;
    private final WorkloadSettings settings;
    private final List<Message> messages;
    private int sequence;

    private InvoiceScript(String invoiceId, LegalEntity entity, SplittableRandom random, WorkloadSettings settings,
                          List<Message> messages) {
        this.invoiceId = invoiceId;
        this.entity = entity;
        this.random = random;
        this.settings = settings;
        this.messages = messages;
    }

    /** Appends the invoice and payment messages of order {@code orderId} to {@code messages}. */
    static void append(List<Message> messages, long index, String orderId, String supplierId, LegalEntity entity,
                       List<int[]> lines, Instant received, SplittableRandom random, WorkloadSettings settings) {
        new InvoiceScript("INV-" + settings.runId() + "-" + index, entity, random, settings, messages)
                .script(index, orderId, supplierId, lines, received);
    }

    private void script(long index, String orderId, String supplierId, List<int[]> lines, Instant received) {
        Instant at = received.plus(Duration.ofHours(2 + random.nextInt(46)));
        boolean variance = random.nextDouble() < 0.04;
        long netCents = 0;
        List<String> invoiceLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int quantity = lines.get(i)[0];
            // A price 2 % above the order's: outside the default 0.5 % tolerance, a match-variance exception.
            long price = variance && i == 0 ? Math.round(lines.get(i)[1] * 1.02) : lines.get(i)[1];
            netCents += quantity * price;
            invoiceLines.add(Json.object("lineNumber", Integer.toString(i + 1), "purchaseOrderLine",
                    Integer.toString(i + 1), "quantity", Json.str(Integer.toString(quantity)),
                    "unitOfMeasure", Json.str("EA"), "unitPrice", Json.str(money(price)), "taxCode", Json.str("S1")));
        }
        long taxCents = netCents * 8 / 100;
        String gross = money(netCents + taxCents);
        send("receipt", "PROCUREMENT", ReferenceScenario.PROCUREMENT_KEY, at,
                "supplierId", Json.str(supplierId), "supplierInvoiceNumber", Json.str("SI-" + settings.runId() + "-" + index),
                "invoiceDate", Json.str(at.atOffset(ZoneOffset.UTC).toLocalDate().toString()),
                "purchaseOrderId", Json.str(orderId), "currency", Json.str(entity.currency()),
                "netAmount", Json.str(money(netCents)), "taxAmount", Json.str(money(taxCents)),
                "grossAmount", Json.str(gross), "submittedBy", Json.str("ap.clerk" + random.nextInt(12) + "@example.com"),
                "lines", Json.array(invoiceLines));

        Instant taxed = at.plus(Duration.ofMinutes(1 + random.nextInt(30)));
        if (random.nextDouble() < 0.05) {
            send("tax-validations", "TAX_ENGINE", TAX_KEY, taxed, "valid", "false",
                    "reasonCodes", Json.array(List.of(Json.str(reasonCode()))),
                    "detail", Json.str("rejected by the " + entity.country() + " tax rules"));
            if (random.nextDouble() < 0.7) {
                send("tax-validations", "TAX_ENGINE", TAX_KEY, taxed.plus(Duration.ofHours(4)), "valid", "true");
            }
        } else {
            send("tax-validations", "TAX_ENGINE", TAX_KEY, taxed, "valid", "true");
        }
        if (variance) {
            return;
        }
        Instant posted = taxed.plus(Duration.ofMinutes(10 + random.nextInt(240)));
        send("erp-postings", entity.erp(), entity.erpKey(), posted, "erpDocumentNumber",
                Json.str("51" + String.format("%08d", index % 100_000_000)),
                "fiscalPeriod", Json.str(posted.atOffset(ZoneOffset.UTC).toString().substring(0, 7)));
        if (random.nextDouble() < 0.6) {
            Instant paid = posted.plus(Duration.ofDays(1 + random.nextInt(20)));
            String reference = "PAY-" + settings.runId() + "-" + index;
            send("payments", "TREASURY", TREASURY_KEY, paid, "paymentReference", Json.str(reference),
                    "currency", Json.str(entity.currency()), "amount", Json.str(gross),
                    "valueDate", Json.str(paid.atOffset(ZoneOffset.UTC).toLocalDate().toString()),
                    "beneficiaryAccountNumber", Json.str(ReferenceScenario.bankAccountOf(supplierId)));
            send("payment-confirmation-deliveries", "TREASURY", TREASURY_KEY, paid.plus(Duration.ofMinutes(1)),
                    "paymentReference", Json.str(reference));
            if (random.nextDouble() < 0.9) {
                send("payment-confirmations", "PROCUREMENT", ReferenceScenario.PROCUREMENT_KEY,
                        paid.plus(Duration.ofMinutes(2 + random.nextInt(20))), "paymentReference", Json.str(reference));
            }
        }
    }

    private String reasonCode() {
        return switch (entity.country()) {
            case "US" -> "RATE_MISMATCH";
            case "CA" -> "GST_NUMBER_INVALID";
            default -> "VAT_ID_INVALID";
        };
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private void send(String step, String system, String key, Instant at, String... fields) {
        String messageId = system.toLowerCase().replace('_', '-') + "-" + invoiceId + "-" + (++sequence);
        String[] all = new String[fields.length + 6];
        all[0] = "messageId";
        all[1] = Json.str(messageId);
        all[2] = "reportingSystem";
        all[3] = Json.str(system);
        all[4] = "occurredAt";
        all[5] = Json.str(at.toString());
        System.arraycopy(fields, 0, all, 6, fields.length);
        boolean retried = random.nextDouble() < settings.retryShare();
        messages.add(new Message("invoice", invoiceId, step, key, "/api/v1/invoices/" + invoiceId + "/" + step,
                Json.object(all), retried, 200, at));
    }
}
