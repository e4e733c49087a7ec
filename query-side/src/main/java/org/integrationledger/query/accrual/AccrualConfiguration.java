package org.integrationledger.query.accrual;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.LiveStates;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.RebuildStates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.stream.Stream;

/**
 * The accrual view's fold ({@link AccrualEvents}) in its host: live on {@code accrual_fact}, {@code accrual_line}
 * and the two balance tables, a batch's writes gathered in an {@link AccrualBatch}; rebuilt into tables beside them
 * from bounded states ({@link RebuiltAccrualTables}); and replayable in memory.
 */
@Configuration(proxyBeanMethods = false)
class AccrualConfiguration {

    @Bean
    FoldHost<Object, OrderFacts> accrualHost(AccrualFacts facts, JdbcTemplate jdbc, RebuildStates states,
                                             PlatformTransactionManager transactions) {
        return new FoldHost<>(AccrualProjection.PROCESSING_GROUP, AccrualEvents.fold(), new StoredFacts(facts), states,
                () -> new RebuiltAccrualTables(jdbc, facts), () -> checksumOfStoredRows(jdbc), transactions);
    }

    /**
     * Over the facts in key order, the lines in key order and the balances per key, by value: a balance is a sum of
     * differences, written per batch live and per line by a rebuild, so the same sum can carry more trailing zeros
     * (10.000 for 10.00) in one than in the other. Rows that sum to zero are left out for the same reason.
     */
    private static String checksumOfStoredRows(JdbcTemplate jdbc) {
        // A cursor inside the host's transaction reads the rows a thousand at a time, never all at once.
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
                "SELECT concat_ws('|', legal_entity, currency, business_day, measure, lines, trim_scale(amount)) "
                        + "FROM accrual_balance WHERE lines <> 0 OR amount <> 0 "
                        + "ORDER BY legal_entity, currency, business_day, measure",
                "SELECT concat_ws('|', legal_entity, currency, business_day, recorded_at, measure, lines, "
                        + "trim_scale(amount)) FROM accrual_balance_known WHERE lines <> 0 OR amount <> 0 "
                        + "ORDER BY legal_entity, currency, business_day, recorded_at, measure")
                .flatMap(sql -> streaming.queryForStream(sql, (rs, n) -> rs.getString(1)));
        try (rows) {
            return Checksums.sha256(rows);
        }
    }

    /**
     * The live states in the tables: an order's state is its facts; the link of an invoice to its order is the
     * order of its facts. A batch (one unit of work, one transaction with the token) writes what its events added
     * once, just before it commits; outside a unit of work (tests calling the handler directly), at once.
     */
    private record StoredFacts(AccrualFacts facts) implements LiveStates<OrderFacts> {

        private static final String BATCH = AccrualBatch.class.getName();

        @Override
        public OrderFacts load(String purchaseOrderId) {
            OrderFacts stored = facts.load(purchaseOrderId);
            return stored.facts().isEmpty() ? null : stored;
        }

        @Override
        public void save(String purchaseOrderId, OrderFacts before, OrderFacts state) {
            if (state.added().isEmpty()) {
                return;
            }
            if (!CurrentUnitOfWork.isStarted()) {
                AccrualBatch batch = new AccrualBatch(facts);
                batch.applied(state);
                batch.flush();
                return;
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(BATCH, key -> {
                AccrualBatch batch = new AccrualBatch(facts);
                root.onPrepareCommit(unitOfWork -> batch.flush());
                return batch;
            }).applied(state);
        }

        @Override
        public String linked(String invoiceId) {
            return facts.purchaseOrderOf(invoiceId).orElse(null);
        }
    }
}
