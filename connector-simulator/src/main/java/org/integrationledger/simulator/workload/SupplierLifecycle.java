package org.integrationledger.simulator.workload;

import org.integrationledger.simulator.workload.ReferenceScenario.LegalEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A supplier onboarding: requested in procurement for one or two legal entities, approved (or rejected),
 * golden record created by its owner ({@code ERP_NA}), then acknowledged by procurement and the ERPs of the
 * requesting legal entities, some late, some never; a share gets a later golden-record change that is
 * propagated again.
 */
public final class SupplierLifecycle implements DocumentLifecycle {

    private static final String OWNER = "ERP_NA";

    @Override
    public String kind() {
        return "supplier";
    }

    @Override
    public List<Message> messages(long index, SplittableRandom random, WorkloadSettings settings) {
        String id = "SUP-" + settings.runId() + "-" + index;
        List<Message> messages = new ArrayList<>();
        int[] sequence = {0};
        Instant t = settings.documentStart(random);
        Set<LegalEntity> entities = new LinkedHashSet<>();
        entities.add(ReferenceScenario.pickLegalEntity(random));
        if (random.nextDouble() < 0.3) {
            entities.add(ReferenceScenario.pickLegalEntity(random));
        }
        LegalEntity home = entities.iterator().next();
        List<String> requesting = entities.stream().map(e -> Json.str(e.id())).toList();
        // A tax id unique to this run and document, so only deliberate duplicates collide.
        String taxValue = home.country() + Math.abs((settings.runId() + ":" + index).hashCode()) + "" + index;
        String request = Json.object(
                "legalName", Json.str("Supplier " + settings.runId() + " " + index + " " + home.country()),
                "taxIds", Json.array(List.of(Json.object("scheme", Json.str(home.country().equals("US") ? "EIN" : "VAT"),
                        "country", Json.str(home.country()), "value", Json.str(taxValue)))),
                "addresses", Json.array(List.of(Json.object("purpose", Json.str("REMIT_TO"),
                        "street", Json.str((1 + random.nextInt(200)) + " Industrial Road"), "city", Json.str("City " + index),
                        "postalCode", Json.str(String.format("%05d", random.nextInt(100_000))),
                        "country", Json.str(home.country())))),
                "paymentTerms", Json.str(random.nextBoolean() ? "NET30" : "NET60"),
                "bankAccountNumber", Json.str(ReferenceScenario.bankAccountOf(id)),
                "requestingLegalEntities", Json.array(requesting),
                "requestedBy", Json.str("buyer" + random.nextInt(60) + "@example.com"));
        add(messages, sequence, random, settings, id, "request", "PROCUREMENT", t, 200, inner(request));
        if (random.nextDouble() < 0.04) {
            add(messages, sequence, random, settings, id, "rejection", "PROCUREMENT", t.plus(Duration.ofHours(1)), 200,
                    "decidedBy", Json.str("compliance@example.com"), "reason", Json.str("sanctions screening hit"));
            return messages;
        }
        add(messages, sequence, random, settings, id, "approval", "PROCUREMENT", t.plus(Duration.ofMinutes(40)), 200,
                "decidedBy", Json.str("head.of.procurement@example.com"));
        Instant golden = t.plus(Duration.ofMinutes(60 + random.nextInt(120)));
        add(messages, sequence, random, settings, id, "golden-record", OWNER, golden, 200,
                "vendorNumber", Json.str("V-" + settings.runId() + "-" + index));
        Set<String> targets = new LinkedHashSet<>();
        targets.add("PROCUREMENT");
        entities.forEach(e -> targets.add(e.erp()));
        targets.remove(OWNER);
        int version = 1;
        acknowledge(messages, sequence, random, settings, id, targets, version, golden);
        if (random.nextDouble() < 0.2) {
            version++;
            Instant changed = golden.plus(Duration.ofDays(1));
            add(messages, sequence, random, settings, id, "changes", OWNER, changed, 200,
                    "legalName", Json.str("Supplier " + settings.runId() + " " + index + " " + home.country() + " Ltd"),
                    "paymentTerms", Json.str("NET45"), "changedBy", Json.str("vendor.master@example.com"));
            acknowledge(messages, sequence, random, settings, id, targets, version, changed);
        }
        return messages;
    }

    private static void acknowledge(List<Message> messages, int[] sequence, SplittableRandom random,
                                    WorkloadSettings settings, String id, Set<String> targets, int version, Instant from) {
        for (String target : targets) {
            double r = random.nextDouble();
            if (r < 0.05) {
                continue; // never acknowledged: a stuck copy for question 3
            }
            Duration delay = r < 0.05 + settings.lateAckShare() ? Duration.ofHours(5 + random.nextInt(20))
                    : Duration.ofMinutes(5 + random.nextInt(90));
            add(messages, sequence, random, settings, id, "acknowledgments", target, from.plus(delay), 200,
                    "version", Integer.toString(version), "reference", Json.str(target + "-" + id));
        }
    }

    private static String[] inner(String object) {
        return new String[]{"__raw__", object};
    }

    private static void add(List<Message> messages, int[] sequence, SplittableRandom random, WorkloadSettings settings,
                            String id, String step, String system, Instant at, int expected, String... fields) {
        String messageId = system.toLowerCase().replace('_', '-') + "-" + id + "-" + (++sequence[0]);
        String head = Json.object("messageId", Json.str(messageId), "reportingSystem", Json.str(system),
                "occurredAt", Json.str(at.toString()));
        String body;
        if (fields.length == 2 && fields[0].equals("__raw__")) {
            body = head.substring(0, head.length() - 1) + "," + fields[1].substring(1);
        } else {
            String rest = Json.object(fields);
            body = head.substring(0, head.length() - 1) + "," + rest.substring(1);
        }
        messages.add(new Message("supplier", id, step, ReferenceScenario.keyOf(system),
                "/api/v1/suppliers/" + id + "/" + step, body, random.nextDouble() < settings.retryShare(), expected,
                at));
    }
}
