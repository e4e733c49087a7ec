package org.integrationledger.query.reconciliation;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.reconciliation.AgeOrder;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.FindReconciliationEntries;
import org.integrationledger.model.reconciliation.FindReconciliationEntry;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.reconciliation.ReconciliationEntry;
import org.integrationledger.model.reconciliation.ReconciliationFilter;
import org.integrationledger.model.reconciliation.ReconciliationPage;
import org.integrationledger.model.reconciliation.SystemRole;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The total of a reconciliation list selected by divergences: from the kept document counts, less (with an age) the
 * documents whose matching divergences are all younger, and the capped count of the flags when more than the cap's
 * worth of them are younger. Each total must equal what the page itself lists. Written in rolled-back transactions
 * under a legal entity of their own, so the shared view is left as it was.
 */
class ReconciliationListTotalIntegrationTest extends LedgerIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant AS_OF = T0.plus(Duration.ofHours(200));
    /** Between the third and the fourth of the five orders' ERP_NA divergences. */
    private static final Instant THRESHOLD = T0.plus(Duration.ofMinutes(150));

    @Autowired
    private ReconciliationTable table;
    @Autowired
    private DivergenceCountTable counts;
    @Autowired
    private ReconciliationQueries queries;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void totalsWithAndWithoutAnAgeEqualWhatTheListHolds() {
        String entity = legalEntity();
        inRolledBackTransaction(() -> {
            write(orders(entity, 0));
            // NOT_ACKNOWLEDGED on any system: A0-A2 by age, B by its old TAX divergence; A3 and A4 are younger.
            assertTotal(filter(entity, null, Duration.between(THRESHOLD, AS_OF)), 4);
            // On ERP_NA only, B's divergence there is young: A0-A2.
            assertTotal(filter(entity, SystemId.of("ERP_NA"), Duration.between(THRESHOLD, AS_OF)), 3);
            // Without an age, straight from the kept counts: A0-A4 and B.
            assertTotal(filter(entity, null, null), 6);
            assertTotal(filter(entity, SystemId.of("ERP_NA"), null), 6);
            // Older than everything: nothing; younger than everything: all.
            assertTotal(filter(entity, null, Duration.between(T0.minus(Duration.ofHours(2)), AS_OF)), 0);
            assertTotal(filter(entity, null, Duration.ZERO), 6);
        });
    }

    @Test
    void moreYoungDivergencesThanTheCapFallBackToCountingTheOldOnes() {
        String entity = legalEntity();
        inRolledBackTransaction(() -> {
            // 1,001 more orders whose only divergence is young: more than the cap (1,000) of younger flags.
            write(orders(entity, 1_001));
            assertTotal(filter(entity, null, Duration.between(THRESHOLD, AS_OF)), 4);
            ReconciliationPage all = queries.handle(new FindReconciliationEntries(filter(entity, null, null),
                    new PageRequest(0, 50)));
            assertThat(all.totalItems()).as("the kept count is exact past the cap").isEqualTo(1_007);
            assertThat(all.totalExact()).isTrue();
        });
    }

    /**
     * A page is one statement over the three tables (documents, systems, divergences as one row shape): each listed
     * entry must be the document as the projection itself reads it back, and the pages must follow the list's order.
     * The documents and their systems hold different regions, amounts and statuses, so a column the two tables share
     * cannot be taken from the wrong one unnoticed.
     */
    @Test
    void pagesListEachDocumentWithItsOwnSystemsAndDivergencesInTheListsOrder() {
        String entity = legalEntity();
        inRolledBackTransaction(() -> {
            write(orders(entity, 0));
            // By oldest matching divergence: B (its TAX divergence an hour before T0), then A0-A4.
            List<String> byDivergence = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                byDivergence.addAll(listed(filter(entity, null, null), page));
            }
            assertThat(byDivergence).containsExactly(entity + "-B", entity + "-A0", entity + "-A1", entity + "-A2",
                    entity + "-A3", entity + "-A4");
            // Without a divergence filter, newest business activity first: B was touched last.
            ReconciliationFilter documents = new ReconciliationFilter(DocumentType.PURCHASE_ORDER, null,
                    LegalEntityId.of(entity), null, null, null, AS_OF);
            List<String> byActivity = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                byActivity.addAll(listed(documents, page));
            }
            assertThat(byActivity).containsExactly(entity + "-B", entity + "-A4", entity + "-A3", entity + "-A2",
                    entity + "-A1", entity + "-A0");
        });
    }

    /** The console's age sort: the same lists the other way round, across pages, with the same totals. */
    @Test
    void newestFirstTurnsEachListAroundAcrossPages() {
        String entity = legalEntity();
        inRolledBackTransaction(() -> {
            write(orders(entity, 0));
            List<String> newestDivergenceFirst = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                newestDivergenceFirst.addAll(listed(filter(entity, null, null), page, AgeOrder.NEWEST_FIRST));
            }
            assertThat(newestDivergenceFirst).containsExactly(entity + "-A4", entity + "-A3", entity + "-A2",
                    entity + "-A1", entity + "-A0", entity + "-B");
            ReconciliationFilter documents = new ReconciliationFilter(DocumentType.PURCHASE_ORDER, null,
                    LegalEntityId.of(entity), null, null, null, AS_OF);
            List<String> oldestActivityFirst = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                oldestActivityFirst.addAll(listed(documents, page, AgeOrder.OLDEST_FIRST));
            }
            assertThat(oldestActivityFirst).containsExactly(entity + "-A0", entity + "-A1", entity + "-A2",
                    entity + "-A3", entity + "-A4", entity + "-B");
            assertThat(queries.handle(new FindReconciliationEntries(filter(entity, null, null), new PageRequest(0, 2),
                    AgeOrder.NEWEST_FIRST)).totalItems()).isEqualTo(6);
        });
    }

    /** One page of two; every entry on it compared whole with the projection's own read of the document. */
    private List<String> listed(ReconciliationFilter filter, int page) {
        return listed(filter, page, AgeOrder.defaultFor(filter));
    }

    private List<String> listed(ReconciliationFilter filter, int page, AgeOrder order) {
        ReconciliationPage listed = queries.handle(new FindReconciliationEntries(filter, new PageRequest(page, 2),
                order));
        for (ReconciliationEntry entry : listed.items()) {
            ReconciliationEntry stored = table.load(entry.documentType(), entry.documentId()).orElseThrow()
                    .toEntry(AS_OF);
            assertThat(entry).isEqualTo(stored);
            assertThat(entry.systems()).isNotEmpty();
            assertThat(entry.divergences()).isNotEmpty();
            assertThat(queries.handle(new FindReconciliationEntry(entry.documentType(), entry.documentId(), AS_OF)))
                    .contains(stored);
        }
        return listed.items().stream().map(ReconciliationEntry::documentId).toList();
    }

    /** Writes the documents and brings the kept counts up to them (the projection does that just before commit). */
    private void write(List<DocumentState> documents) {
        table.saveChanged(documents, document -> true);
        counts.recompute();
    }

    private void assertTotal(ReconciliationFilter filter, long expected) {
        ReconciliationPage page = queries.handle(new FindReconciliationEntries(filter, new PageRequest(0, 50)));
        assertThat(page.items()).as("listed for %s", filter).hasSize((int) expected);
        assertThat(page.totalItems()).as("total for %s", filter).isEqualTo(expected);
        assertThat(page.totalExact()).isTrue();
    }

    /**
     * A0-A4: one NOT_ACKNOWLEDGED on ERP_NA each, an hour apart from T0. B: one on ERP_NA at T0 + 10 h and one on TAX
     * an hour before T0. Then {@code young} orders with one on ERP_NA each, a second apart from T0 + 100 h.
     */
    private static List<DocumentState> orders(String entity, int young) {
        List<DocumentState> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(order(entity, "A" + i, divergence("ERP_NA", T0.plus(Duration.ofHours(i)))));
        }
        orders.add(order(entity, "B", divergence("ERP_NA", T0.plus(Duration.ofHours(10))),
                divergence("TAX", T0.minus(Duration.ofHours(1)))));
        for (int i = 0; i < young; i++) {
            orders.add(order(entity, "C" + String.format("%04d", i),
                    divergence("ERP_NA", T0.plus(Duration.ofHours(100)).plusSeconds(i))));
        }
        return orders;
    }

    private static DocumentState order(String entity, String name, OpenDivergence... divergences) {
        // A later order was touched later, so the list by business activity has an order to check.
        Instant touched = name.startsWith("A") ? T0.plusSeconds(Integer.parseInt(name.substring(1)))
                : name.equals("B") ? T0.plusSeconds(60) : T0;
        DocumentState document = new DocumentState(DocumentType.PURCHASE_ORDER, entity + "-" + name)
                .withLegalEntity(entity).withRegion("EMEA").withStatus(DocumentStatus.ISSUED)
                .withAmount(Money.of("100.00", "EUR")).touched(touched, touched);
        for (OpenDivergence divergence : divergences) {
            document = document.withSystem(divergence.system(), system -> system.withRole(SystemRole.ROUTED)
                    .withRegion("NA").withStatus(PositionStatus.OPEN).withAmount(Money.of("90.00", "USD")));
        }
        return document.withDivergences(List.of(divergences));
    }

    private static OpenDivergence divergence(String system, Instant since) {
        return new OpenDivergence(Divergence.NOT_ACKNOWLEDGED, system, "NA", since, "not acknowledged");
    }

    private static ReconciliationFilter filter(String entity, SystemId system, Duration divergentFor) {
        return new ReconciliationFilter(DocumentType.PURCHASE_ORDER, null, LegalEntityId.of(entity), system,
                Divergence.NOT_ACKNOWLEDGED, divergentFor, AS_OF);
    }

    private static String legalEntity() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }
}
