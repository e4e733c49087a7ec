package org.integrationledger.query.reconciliation;

import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/** The trace as a rebuildable projection: the same rows from {@link TraceRow#of}, swapped in in one transaction. */
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
        return Checksums.sha256(table.all().stream().map(TraceRow::canonical));
    }

    @Override
    public Rebuild newRebuild() {
        List<TraceRow> rows = new ArrayList<>();
        return new Rebuild() {
            private String checksum;

            @Override
            public void apply(EventMessage<?> event) {
                TraceRow.of(event).ifPresent(rows::add);
            }

            @Override
            public void replaceLive() {
                table.deleteAll();
                for (int from = 0; from < rows.size(); from += BATCH) {
                    table.insert(rows.subList(from, Math.min(rows.size(), from + BATCH)));
                }
                checksum = Checksums.sha256(table.all().stream().map(TraceRow::canonical));
            }

            @Override
            public String checksum() {
                return checksum;
            }
        };
    }
}
