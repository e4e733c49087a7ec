package org.integrationledger.query.reconciliation;

import org.integrationledger.app.support.LedgerIntegrationTest;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentType;
import org.integrationledger.model.reconciliation.SystemRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation view read back in key order, a thousand documents at a time (the checksum's read): every
 * document once, each with all its systems and divergences, across chunk and document-type boundaries.
 */
class ReconciliationTableIntegrationTest extends LedgerIntegrationTest {

    @Autowired
    private ReconciliationTable table;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void readsEveryDocumentOnceWithAllItsSystemsAndFlagsAcrossChunks() {
        String run = "rtt-" + UUID.randomUUID() + "-";
        Instant at = Instant.parse("2026-11-02T08:00:00Z");
        List<DocumentState> written = new ArrayList<>();
        // Two types, 1,500 documents: chunks of a thousand end inside one type and span both.
        for (DocumentType type : List.of(DocumentType.INVOICE, DocumentType.PURCHASE_ORDER)) {
            for (int i = 0; i < 750; i++) {
                OpenDivergence flag = new OpenDivergence(Divergence.values()[0], "ERP_NA", "NA", at, "detail " + i);
                written.add(new DocumentState(type, run + String.format("%04d", i)).withLegalEntity("US01")
                        .touched(at, at).withSystem("ERP_NA", row -> row.withRole(SystemRole.ROUTED))
                        .withSystem("TAX", row -> row.withRole(SystemRole.TAX)).withDivergences(List.of(flag)));
            }
        }
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            // Written and read in one transaction that is rolled back: the shared view is left as it was.
            status.setRollbackOnly();
            table.saveChanged(written, document -> true);
            long stored = jdbc.queryForObject("SELECT count(*) FROM reconciliation_document", Long.class);

            List<DocumentState> read;
            try (Stream<DocumentState> all = table.allInKeyOrder()) {
                read = all.toList();
            }

            assertThat(read).hasSize((int) stored);
            assertThat(read).extracting(d -> d.type() + "|" + d.id()).doesNotHaveDuplicates();
            Map<String, DocumentState> ours = read.stream().filter(d -> d.id().startsWith(run))
                    .collect(Collectors.toMap(d -> d.type() + "|" + d.id(), Function.identity()));
            assertThat(ours).hasSize(written.size());
            for (DocumentState expected : written) {
                DocumentState actual = ours.get(expected.type() + "|" + expected.id());
                assertThat(actual.systems().keySet()).as(expected.id()).containsExactly("ERP_NA", "TAX");
                assertThat(actual.divergences().values()).extracting(OpenDivergence::detail).as(expected.id())
                        .containsExactly(expected.divergences().values().iterator().next().detail());
                assertThat(actual.canonical()).isEqualTo(expected.canonical());
            }
        });
    }
}
