package org.integrationledger.query.accrual;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.integrationledger.query.rebuild.ShadowTable;
import org.integrationledger.query.rebuild.SwitchSteps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The accrual facts and balances as a rebuildable projection: every event is applied by {@link AccrualEvents}, the
 * projection's own rules, to tables beside the live ones ({@link ShadowTable}, indexed from the start because the
 * fold reads an order's facts back from them), a few hundred events per transaction and per {@link AccrualBatch};
 * the switch renames the four
 * tables into the live ones' places. The state is the tables themselves, so a rebuild holds no more in memory than
 * one batch of events, however large the store.
 */
@Component
class AccrualRebuild implements RebuildableProjection {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final AccrualFacts facts;
    private final TransactionTemplate transaction;

    AccrualRebuild(JdbcTemplate jdbc, AccrualFacts facts, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String name() {
        return AccrualProjection.PROCESSING_GROUP;
    }

    /**
     * Over the facts in key order, the lines in key order and the balances summed per key (a rebuild applies the
     * same events by the same rules, so each sum is the same, whichever order the differences were written in).
     */
    @Override
    @Transactional(readOnly = true)
    public String checksum() {
        // A cursor inside this transaction reads the rows a thousand at a time, never all at once.
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1_000);
        Stream<String> rows = Stream.of(
                "SELECT concat_ws('|', event_id, ordinal, purchase_order_id, line_number, kind, legal_entity, "
                        + "supplier_id, currency, routed_to, source_system, quantity, unit_of_measure, amount, "
                        + "fact_currency, unit_price, order_version, invoice_id, reference, goods_receipt_required, "
                        + "occurred_at, recorded_at) FROM accrual_fact ORDER BY event_id, ordinal",
                "SELECT concat_ws('|', purchase_order_id, line_number, legal_entity, currency, supplier_id, "
                        + "open_now, varies_now, first_occurred_at, last_occurred_at, first_recorded_at, "
                        + "last_recorded_at) FROM accrual_line ORDER BY purchase_order_id, line_number",
                "SELECT concat_ws('|', legal_entity, currency, business_day, measure, lines, amount) "
                        + "FROM accrual_balance WHERE lines <> 0 OR amount <> 0 "
                        + "ORDER BY legal_entity, currency, business_day, measure",
                "SELECT concat_ws('|', legal_entity, currency, business_day, recorded_at, measure, lines, amount) "
                        + "FROM accrual_balance_known WHERE lines <> 0 OR amount <> 0 "
                        + "ORDER BY legal_entity, currency, business_day, recorded_at, measure")
                .flatMap(sql -> streaming.queryForStream(sql, (rs, n) -> rs.getString(1)));
        try (rows) {
            return Checksums.sha256(rows);
        }
    }

    @Override
    public Rebuild newRebuild() {
        List<ShadowTable> shadows = AccrualFacts.TABLES.stream()
                .map(table -> new ShadowTable(jdbc, table, table + AccrualFacts.REBUILT)).toList();
        transaction.executeWithoutResult(status -> shadows.forEach(shadow -> {
            // Whatever a failed or interrupted rebuild left goes; keyed and indexed now, as the fold reads them.
            shadow.recreate(false);
            shadow.index();
        }));
        AccrualBatch batch = new AccrualBatch(facts.rebuilt());
        AccrualEvents events = new AccrualEvents(batch);
        List<EventMessage<?>> pending = new ArrayList<>(BATCH);
        return new Rebuild() {
            @Override
            public void apply(EventMessage<?> event) {
                pending.add(event);
                if (pending.size() == BATCH) {
                    flush();
                }
            }

            @Override
            public void prepareSwitch() {
                flush();
                transaction.executeWithoutResult(status -> AccrualFacts.TABLES.forEach(
                        table -> jdbc.update("ANALYZE " + table + AccrualFacts.REBUILT)));
            }

            @Override
            public void replaceLive() {
                SwitchSteps steps = new SwitchSteps(name());
                flush();
                steps.step("last events applied beside");
                steps.log();
            }

            @Override
            public void swapIn() {
                SwitchSteps steps = new SwitchSteps(name());
                // A report reads the lines, then their facts, then the balances, in one snapshot; dropping the
                // tables one by one could take the facts while such a reader holds the lines and waits for the
                // facts: a deadlock PostgreSQL breaks by failing the reader. Locking all four first, in the
                // readers' order, makes a reader finish or wait before the swap begins.
                jdbc.execute("LOCK TABLE accrual_line, accrual_fact, accrual_balance, accrual_balance_known"
                        + " IN ACCESS EXCLUSIVE MODE");
                shadows.forEach(ShadowTable::swapIn);
                steps.step("accrual tables swapped in");
                steps.log();
            }

            private void flush() {
                if (pending.isEmpty()) {
                    return;
                }
                transaction.executeWithoutResult(status -> {
                    pending.forEach(event ->
                            events.apply(event.getPayload(), event.getIdentifier(), event.getTimestamp()));
                    batch.flush();
                });
                pending.clear();
            }
        };
    }
}
