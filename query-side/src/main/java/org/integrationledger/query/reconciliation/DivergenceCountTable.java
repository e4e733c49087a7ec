package org.integrationledger.query.reconciliation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the divergence counts ({@code reconciliation_flag_count}, {@code reconciliation_flag_document_count}) in
 * step with {@code reconciliation_flag}, in the transaction that changes the flags.
 * <p>
 * The projection's two segments run in parallel, each a transaction over a batch of events, and both may move the
 * same count. So counts only ever change by {@code n = n + delta} (no value read into Java and written back), and
 * the deltas of a transaction are summed and applied just before it commits, in one key order: every transaction
 * then takes its count-row locks in the same order, which cannot deadlock, and a batch of 100 events touches each
 * count row once.
 */
@Component
class DivergenceCountTable {

    private static final String ADD_DIVERGENCES = """
            INSERT INTO reconciliation_flag_count (flag, region, system_id, document_type, legal_entity, divergences)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (flag, region, system_id, document_type, legal_entity)
            DO UPDATE SET divergences = reconciliation_flag_count.divergences + EXCLUDED.divergences""";

    private static final String ADD_DOCUMENTS = """
            INSERT INTO reconciliation_flag_document_count (rolled_up, flag, system_id, region, document_type,
                legal_entity, documents)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (rolled_up, flag, system_id, region, document_type, legal_entity)
            DO UPDATE SET documents = reconciliation_flag_document_count.documents + EXCLUDED.documents""";

    /** Bits of {@code rolled_up}, as PostgreSQL's GROUPING(flag, system_id, region) sets them. */
    static final int ANY_FLAG = 4;
    static final int ANY_SYSTEM = 2;
    static final int ANY_REGION = 1;

    private final JdbcTemplate jdbc;

    DivergenceCountTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One open divergence as the counts see it: the columns the counts endpoint can filter on. */
    record Flag(String flag, String system, String region, String documentType, String legalEntity) {
        Flag {
            legalEntity = legalEntity == null ? "" : legalEntity;
        }

        String divergenceKey() {
            return String.join("\u0000", flag, region, system, documentType, legalEntity);
        }

        /** The document-count key of this divergence in one grouping set; rolled-up columns are empty. */
        String documentKey(int rolledUp) {
            return String.join("\u0000", String.valueOf(rolledUp), (rolledUp & ANY_FLAG) != 0 ? "" : flag,
                    (rolledUp & ANY_SYSTEM) != 0 ? "" : system, (rolledUp & ANY_REGION) != 0 ? "" : region,
                    documentType, legalEntity);
        }
    }

    /**
     * Records that one document's open divergences went from {@code before} to {@code after} (both as stored). The
     * document counts once per grouping-set key that any of its divergences has, so a key moves only when the
     * first of the document's divergences under it opens or the last one closes.
     */
    void changed(Collection<Flag> before, Collection<Flag> after) {
        Pending pending = pending();
        before.forEach(f -> pending.divergences.merge(f.divergenceKey(), -1L, Long::sum));
        after.forEach(f -> pending.divergences.merge(f.divergenceKey(), 1L, Long::sum));
        for (int rolledUp = 0; rolledUp < 8; rolledUp++) {
            Set<String> was = new HashSet<>();
            Set<String> is = new HashSet<>();
            for (Flag f : before) {
                was.add(f.documentKey(rolledUp));
            }
            for (Flag f : after) {
                is.add(f.documentKey(rolledUp));
            }
            for (String key : was) {
                if (!is.contains(key)) {
                    pending.documents.merge(key, -1L, Long::sum);
                }
            }
            for (String key : is) {
                if (!was.contains(key)) {
                    pending.documents.merge(key, 1L, Long::sum);
                }
            }
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // Outside a transaction (plain unit tests) there is no commit to wait for.
            apply(pending);
        }
    }

    /** Counts everything again from the flag table; for the rebuild's switch, after the flags are written. */
    void recompute() {
        discardPending();
        jdbc.update("DELETE FROM reconciliation_flag_count");
        jdbc.update("DELETE FROM reconciliation_flag_document_count");
        jdbc.update("""
                INSERT INTO reconciliation_flag_count (flag, region, system_id, document_type, legal_entity,
                    divergences)
                SELECT flag, region, system_id, document_type, COALESCE(legal_entity, ''), COUNT(*)
                FROM reconciliation_flag
                GROUP BY flag, region, system_id, document_type, COALESCE(legal_entity, '')""");
        jdbc.update("""
                INSERT INTO reconciliation_flag_document_count (rolled_up, flag, system_id, region, document_type,
                    legal_entity, documents)
                SELECT GROUPING(flag, system_id, region), COALESCE(flag, ''), COALESCE(system_id, ''),
                    COALESCE(region, ''), document_type, le, COUNT(DISTINCT document_id)
                FROM (SELECT flag, system_id, region, document_type, document_id,
                          COALESCE(legal_entity, '') AS le FROM reconciliation_flag) f
                GROUP BY document_type, le, CUBE (flag, system_id, region)""");
    }

    void deleteAll() {
        discardPending();
        jdbc.update("DELETE FROM reconciliation_flag_count");
        jdbc.update("DELETE FROM reconciliation_flag_document_count");
    }

    private void discardPending() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            pending.divergences.clear();
            pending.documents.clear();
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Pending();
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    apply(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DivergenceCountTable.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    // TreeMaps: the key order is the lock order, the same in every transaction.
    private void apply(Pending pending) {
        List<Object[]> divergences = new ArrayList<>();
        for (Map.Entry<String, Long> delta : pending.divergences.entrySet()) {
            if (delta.getValue() != 0) {
                List<Object> row = new ArrayList<>(List.of((Object[]) delta.getKey().split("\u0000", -1)));
                row.add(delta.getValue());
                divergences.add(row.toArray());
            }
        }
        List<Object[]> documents = new ArrayList<>();
        for (Map.Entry<String, Long> delta : pending.documents.entrySet()) {
            if (delta.getValue() != 0) {
                String[] key = delta.getKey().split("\u0000", -1);
                documents.add(new Object[]{Short.valueOf(key[0]), key[1], key[2], key[3], key[4], key[5],
                        delta.getValue()});
            }
        }
        if (!divergences.isEmpty()) {
            jdbc.batchUpdate(ADD_DIVERGENCES, divergences);
        }
        if (!documents.isEmpty()) {
            jdbc.batchUpdate(ADD_DOCUMENTS, documents);
        }
        pending.divergences.clear();
        pending.documents.clear();
    }

    private static final class Pending {
        final Map<String, Long> divergences = new TreeMap<>();
        final Map<String, Long> documents = new TreeMap<>();
    }
}
