package org.integrationledger.simulator.workload;

import org.integrationledger.simulator.workload.ReferenceScenario.LegalEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A purchase order from requisition approval to closure: issued in procurement, posted (or rejected) by the ERP
 * its legal entity routes to, sometimes amended, received, invoiced and paid ({@link InvoiceScript}) and closed or
 * cancelled. Out-of-order arrivals send
 * the ERP posting before the issue; late acknowledgments re-post an older version after a newer one; 0.5 % of
 * received orders get an over-delivery (recorded, 200) and 0.5 % a malformed receipt naming a line twice, which the
 * ledger must refuse with 422 duplicate-line-number.
 */
public final class PurchaseOrderLifecycle implements DocumentLifecycle {

    private static final String[] ITEMS = {"Ball bearing 6204", "Bearing housing", "Hydraulic hose 1/2in",
            "Safety gloves (pair)", "Laptop 14in", "Pallet wrap", "Servo motor 400W", "Cable tray 3m",
            "Maintenance service (hour)", "Lubricant 5L"};

    @Override
    public String kind() {
        return "purchase-order";
    }

    @Override
    public List<Message> messages(long index, SplittableRandom random, WorkloadSettings settings) {
        String id = "PO-" + settings.runId() + "-" + index;
        LegalEntity entity = ReferenceScenario.pickLegalEntity(random);
        Script script = new Script(id, entity, random, settings);
        Instant t = settings.documentStart(random);
        int supplier = random.nextInt(5000);
        String requisition = "REQ-" + settings.runId() + "-" + index;

        List<int[]> lines = new ArrayList<>(); // {quantity, unit price in cents}
        int lineCount = 1 + random.nextInt(4);
        for (int i = 0; i < lineCount; i++) {
            lines.add(new int[]{1 + random.nextInt(200), 100 + random.nextInt(50_000)});
        }

        if (random.nextDouble() < 0.85) {
            script.procurement("requisition-approval", t.minus(Duration.ofMinutes(20 + random.nextInt(600))),
                    "requisitionNumber", Json.str(requisition),
                    "approvedBy", Json.str("approver" + random.nextInt(40) + "@example.com"),
                    "legalEntity", Json.str(entity.id()));
        }
        boolean outOfOrder = random.nextDouble() < settings.outOfOrderShare();
        String erpDocument = (entity.erp().equals("ERP_NA") ? "45" : "EM") + String.format("%08d", index % 100_000_000);
        Instant posted = t.plus(Duration.ofMinutes(random.nextDouble() < 0.9 ? 2 + random.nextInt(24)
                : 45 + random.nextInt(200)));
        if (outOfOrder) {
            script.erp("erp-postings", posted, "version", "1", "erpDocumentNumber", Json.str(erpDocument));
        }
        script.procurement("issue", t, "supplierId", Json.str("SUP-" + settings.runId() + "-" + supplier),
                "legalEntity", Json.str(entity.id()), "requisitionNumber", Json.str(requisition),
                "currency", Json.str(entity.currency()), "totalAmount", total(lines), "lines", lines(lines, true));

        double outcome = random.nextDouble();
        int version = 1;
        boolean open = true;
        if (!outOfOrder && outcome < settings.rejectionShare()) {
            script.erp("erp-rejections", posted, "version", "1", "reasonCode", Json.str("VENDOR-BLOCKED"),
                    "reason", Json.str("Supplier not released for company code " + entity.id()));
            if (random.nextDouble() < 0.6) {
                version = 2;
                lines.get(0)[1] = Math.max(100, lines.get(0)[1] - 50);
                Instant amended = posted.plus(Duration.ofMinutes(30 + random.nextInt(120)));
                script.amend(amended, version, lines, "Corrected after ERP rejection");
                script.erp("erp-postings", amended.plus(Duration.ofMinutes(5)), "version", "2",
                        "erpDocumentNumber", Json.str(erpDocument));
            } else {
                script.procurement("cancellation", posted.plus(Duration.ofHours(2)),
                        "reason", Json.str("Reordered from another supplier after ERP rejection"));
                open = false;
            }
        } else if (!outOfOrder && outcome < settings.rejectionShare() + 0.04) {
            // Approved but never posted: shows up as NOT_ACKNOWLEDGED and breaches the 30-minute SLA.
            return script.messages;
        } else if (!outOfOrder) {
            script.erp("erp-postings", posted, "version", "1", "erpDocumentNumber", Json.str(erpDocument),
                    "postedTotal", total(lines), "currency", Json.str(entity.currency()), "erpStatus", Json.str("OPEN"));
        }
        if (open && random.nextDouble() < 0.15) {
            version++;
            lines.get(0)[0] += 1 + random.nextInt(20);
            Instant amended = posted.plus(Duration.ofHours(1 + random.nextInt(20)));
            script.amend(amended, version, lines, "Quantity changed by requester");
            script.erp("erp-postings", amended.plus(Duration.ofMinutes(3 + random.nextInt(20))),
                    "version", Integer.toString(version), "erpDocumentNumber", Json.str(erpDocument));
            if (random.nextDouble() < settings.lateAckShare() * 3) {
                // A late acknowledgment of the previous version, arriving after the newer one: recorded as stale.
                script.erp("erp-postings", amended.minus(Duration.ofMinutes(1)), "version",
                        Integer.toString(version - 1), "erpDocumentNumber", Json.str(erpDocument));
            }
        }
        if (open && random.nextDouble() < (settings.quarterEnd() ? 0.02 : 0.03)) {
            script.procurement("cancellation", posted.plus(Duration.ofHours(3)),
                    "reason", Json.str("Requirement withdrawn"));
            return script.messages;
        }
        double receiveShare = settings.quarterEnd() ? 0.85 : 0.70;
        if (open && random.nextDouble() < receiveShare) {
            Instant received = posted.plus(Duration.ofDays(1 + random.nextInt(10)));
            boolean partial = random.nextDouble() < 0.3;
            List<String> first = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                int quantity = lines.get(i)[0];
                int now = partial ? Math.max(1, quantity / 2) : quantity;
                first.add(receiptLine(i + 1, now));
                if (quantity - now > 0) {
                    rest.add(receiptLine(i + 1, quantity - now));
                }
            }
            script.procurement("goods-receipts", received, "receiptNumber", Json.str("GR-" + id + "-1"),
                    "lines", Json.array(first));
            if (partial && !rest.isEmpty()) {
                script.procurement("goods-receipts", received.plus(Duration.ofDays(2)),
                        "receiptNumber", Json.str("GR-" + id + "-2"), "lines", Json.array(rest));
            }
            double extraReceipt = random.nextDouble();
            if (extraReceipt < 0.005) {
                // An over-delivery happened in the warehouse: recorded and flagged RECEIVED_BEYOND_ORDER, not refused.
                script.procurement("goods-receipts", received.plus(Duration.ofDays(3)),
                        "receiptNumber", Json.str("GR-" + id + "-X"), "lines", Json.array(List.of(receiptLine(1, 1))));
            } else if (extraReceipt < 0.01) {
                // A connector bug: the same line twice in one receipt is malformed and refused with nothing written.
                script.rejected("goods-receipts", received.plus(Duration.ofDays(3)),
                        "receiptNumber", Json.str("GR-" + id + "-X"),
                        "lines", Json.array(List.of(receiptLine(1, 1), receiptLine(1, 1))));
            }
            if (random.nextDouble() < 0.8) {
                InvoiceScript.append(script.messages, index, id, "SUP-" + settings.runId() + "-" + supplier, entity,
                        lines, received.plus(Duration.ofDays(partial ? 2 : 0)), random, settings);
            }
            if (random.nextDouble() < (settings.quarterEnd() ? 0.8 : 0.5)) {
                script.procurement("closure", received.plus(Duration.ofDays(5)));
            }
        }
        return script.messages;
    }

    private static String receiptLine(int lineNumber, int quantity) {
        return Json.object("lineNumber", Integer.toString(lineNumber), "quantity", Json.str(Integer.toString(quantity)),
                "unitOfMeasure", Json.str("EA"));
    }

    private static String total(List<int[]> lines) {
        long cents = 0;
        for (int[] line : lines) {
            cents += (long) line[0] * line[1];
        }
        return Json.str(BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString());
    }

    private static String lines(List<int[]> lines, boolean withDescriptions) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int[] line = lines.get(i);
            out.add(Json.object("lineNumber", Integer.toString(i + 1),
                    "description", Json.str(ITEMS[i % ITEMS.length]),
                    "quantity", Json.str(Integer.toString(line[0])), "unitOfMeasure", Json.str("EA"),
                    "unitPrice", Json.str(BigDecimal.valueOf(line[1], 2).toPlainString())));
        }
        return Json.array(out);
    }

    /** Collects one order's messages with numbered message ids per sending system. */
    private static final class Script {
        private final String id;
        private final LegalEntity entity;
        private final SplittableRandom random;
        private final WorkloadSettings settings;
        private final List<Message> messages = new ArrayList<>();
        private int sequence;

        Script(String id, LegalEntity entity, SplittableRandom random, WorkloadSettings settings) {
            this.id = id;
            this.entity = entity;
            this.random = random;
            this.settings = settings;
        }

        void procurement(String step, Instant at, String... fields) {
            add(step, "PROCUREMENT", ReferenceScenario.PROCUREMENT_KEY, at, 200, fields);
        }

        void erp(String step, Instant at, String... fields) {
            add(step, entity.erp(), entity.erpKey(), at, 200, fields);
        }

        void rejected(String step, Instant at, String... fields) {
            add(step, "PROCUREMENT", ReferenceScenario.PROCUREMENT_KEY, at, 422, fields);
        }

        void amend(Instant at, int version, List<int[]> lines, String reason) {
            procurement("amendments", at, "version", Integer.toString(version), "currency", Json.str(entity.currency()),
                    "totalAmount", total(lines), "lines", PurchaseOrderLifecycle.lines(lines, true),
                    "reason", Json.str(reason));
        }

        private void add(String step, String system, String key, Instant at, int expected, String... fields) {
            String messageId = system.toLowerCase().replace('_', '-') + "-" + id + "-" + (++sequence);
            String[] all = new String[fields.length + 6];
            all[0] = "messageId";
            all[1] = Json.str(messageId);
            all[2] = "reportingSystem";
            all[3] = Json.str(system);
            all[4] = "occurredAt";
            all[5] = Json.str(at.toString());
            System.arraycopy(fields, 0, all, 6, fields.length);
            boolean retried = random.nextDouble() < settings.retryShare();
            messages.add(new Message("purchase-order", id, step, key, "/api/v1/purchase-orders/" + id + "/" + step,
                    Json.object(all), retried, expected, at));
        }
    }
}
