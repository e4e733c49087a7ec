package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.integrationledger.query.rebuild.SwitchSteps;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * The trace as a rebuildable projection: the same rows from {@link TraceRow#of}. They are one per event, the
 * largest state any rebuild makes, so they are copied into {@code trace_step_rebuild} (no index yet) a thousand at a
 * time while the rebuild runs instead of being held in memory until the switch. Before the processors stop, that table is made
 * durable, indexed like {@code trace_step} and analyzed ({@link org.integrationledger.query.rebuild.ShadowTable}); the
 * switch then only adds the last rows and renames it into {@code trace_step}'s place, in its one transaction, instead
 * of copying every row while the processors wait.
 */
@Component
class TraceViewRebuild implements RebuildableProjection {

    private static final int BATCH = 1_000;

    private final TraceTable table;

    TraceViewRebuild(TraceTable table) {
        this.table = table;
    }

    @Override
    public String name() {
        return TraceProjection.PROCESSING_GROUP;
    }

    @Override
    @Transactional(readOnly = true)
    public String checksum() {
        return table.checksum();
    }

    @Override
    public Rebuild newRebuild() {
        // Rows a failed or interrupted rebuild left behind; only one rebuild of a projection runs at a time.
        table.recreateRebuilt();
        List<TraceRow> pending = new ArrayList<>(BATCH);
        return new Rebuild() {
            private boolean prepared;

            @Override
            public void apply(EventMessage<?> event) {
                TraceRow.of(event).ifPresent(pending::add);
                if (pending.size() == BATCH) {
                    flush();
                }
            }

            @Override
            public void prepareSwitch() {
                SwitchSteps steps = new SwitchSteps(name() + " (before the stop)");
                flush();
                table.prepareRebuiltForSwap(steps);
                prepared = true;
                steps.log();
            }

            @Override
            public void replaceLive() {
                SwitchSteps steps = new SwitchSteps(name());
                flush();
                steps.step("last rows written beside");
                steps.log();
            }

            @Override
            public void swapIn() {
                SwitchSteps steps = new SwitchSteps(name());
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
        };
    }
}
