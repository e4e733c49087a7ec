package org.integrationledger.query.reconciliation;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.LiveStates;
import org.integrationledger.query.fold.RebuiltTables;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.SwitchSteps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.List;

/**
 * The trace's fold in its host: live, each batch's steps inserted into {@code trace_step} before the batch commits;
 * rebuilt by copying every step into {@code trace_step_rebuild} as it is made (nothing kept in memory), indexed before
 * the processors stop and renamed in at the switch.
 */
@Configuration(proxyBeanMethods = false)
class TraceConfiguration {

    @Bean
    FoldHost<Object, TraceRow> traceViewHost(TraceTable table, PlatformTransactionManager transactions) {
        return host(table, transactions);
    }

    /** A step never changes once made, so the host needs no bounded states for a rebuild. */
    static FoldHost<Object, TraceRow> host(TraceTable table, PlatformTransactionManager transactions) {
        return new FoldHost<>(TraceProjection.PROCESSING_GROUP, TraceFold.fold(), new InsertedSteps(table), null,
                () -> new CopiedSteps(table), table::checksum, transactions);
    }

    /**
     * The live steps. An event's step is keyed by its id, so there is none to load: a redelivered event's step is
     * inserted again and the key makes that write nothing. A batch's steps are collected and inserted as one JDBC
     * batch before the batch's transaction commits (the token is stored in the same transaction): one round trip per
     * batch instead of one per event. Outside a unit of work (tests calling the handler directly) a step is written
     * at once.
     */
    private record InsertedSteps(TraceTable table) implements LiveStates<TraceRow> {

        private static final String PENDING_ROWS = InsertedSteps.class.getName() + ".pendingRows";

        @Override
        public TraceRow load(String key) {
            return null;
        }

        @Override
        public void save(String key, TraceRow before, TraceRow step) {
            if (!CurrentUnitOfWork.isStarted()) {
                table.insert(List.of(step));
                return;
            }
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.<List<TraceRow>>getOrComputeResource(PENDING_ROWS, name -> {
                List<TraceRow> rows = new ArrayList<>();
                batch.onPrepareCommit(unitOfWork -> table.insert(rows));
                return rows;
            }).add(step);
        }
    }

    /**
     * A rebuild's steps: one per event, the largest state any rebuild makes, so they are copied into
     * {@code trace_step_rebuild} (no index yet) a thousand at a time as they are made instead of being held until the
     * switch. Before the processors stop, that table is made durable, indexed like {@code trace_step} and analyzed;
     * the switch then only inserts the last steps and renames it into {@code trace_step}'s place, in its one
     * transaction, instead of copying every step while the processors wait.
     */
    private static final class CopiedSteps implements RebuiltTables<TraceRow> {

        private static final int BATCH = 1_000;

        private final TraceTable table;
        private final List<TraceRow> pending = new ArrayList<>(BATCH);
        private boolean prepared;

        private CopiedSteps(TraceTable table) {
            this.table = table;
            // Rows a failed or interrupted rebuild left behind; only one rebuild of a projection runs at a time.
            table.recreateRebuilt();
        }

        @Override
        public boolean keepsStates() {
            return false;
        }

        @Override
        public void append(TraceRow step) {
            pending.add(step);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        @Override
        public void prepareSwitch(BoundedStates<TraceRow> none) {
            SwitchSteps steps = new SwitchSteps(TraceProjection.PROCESSING_GROUP + " (before the stop)");
            flush();
            table.prepareRebuiltForSwap(steps);
            prepared = true;
            steps.log();
        }

        @Override
        public void replaceLive(BoundedStates<TraceRow> none) {
            SwitchSteps steps = new SwitchSteps(TraceProjection.PROCESSING_GROUP);
            flush();
            steps.step("last rows written beside");
            steps.log();
        }

        @Override
        public void swapIn() {
            SwitchSteps steps = new SwitchSteps(TraceProjection.PROCESSING_GROUP);
            table.swapRebuiltIn(steps);
            steps.log();
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            if (prepared) {
                table.insertRebuilt(pending);
            } else {
                table.copyRebuilt(pending);
            }
            pending.clear();
        }
    }
}
