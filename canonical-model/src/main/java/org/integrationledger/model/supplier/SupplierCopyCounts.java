package org.integrationledger.model.supplier;

import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.List;

/** Supplier copies per target system: requested against acknowledged, one line per system, by system id. */
public record SupplierCopyCounts(List<SystemCount> systems) {

    public SupplierCopyCounts {
        systems = List.copyOf(systems);
    }

    /**
     * One target system: its copies, those acknowledged at the requested version, those pending a newer version
     * (the oldest pending since {@code oldestPendingSince}, null when none is), and those whose last try failed.
     */
    public record SystemCount(SystemId system, String region, long copies, long acknowledged, long pending,
                              long failed, Instant oldestPendingSince) {
    }
}
