package org.integrationledger.simulator.faults;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parked or evicted document passes the view-vs-store check only when its view stands exactly its shortfall below
 * the store; any other difference, either way, stays a mismatch.
 */
class ViewCheckAccountingTest {

    private static final String COUNT = "purchase_order_view.event_count";

    @Test
    void aViewShortByExactlyItsParkedEventsIsAccountedForAndNothingElseIs() {
        List<ViewCheck.Mismatch> found = List.of(
                new ViewCheck.Mismatch(COUNT, "PO-PARKED", -1, 4),
                new ViewCheck.Mismatch(COUNT, "PO-SHORT-BY-MORE", 1, 4),
                new ViewCheck.Mismatch(COUNT, "PO-UNRELATED", 3, 2),
                new ViewCheck.Mismatch("trace_step rows", "PO-EVICTED", 0, 1));
        List<ViewCheck.Shortfall> shortfalls = List.of(
                new ViewCheck.Shortfall("purchase-order-view", "PO-PARKED", 4, "parked"),
                new ViewCheck.Shortfall("purchase-order-view", "PO-SHORT-BY-MORE", 1, "parked"),
                new ViewCheck.Shortfall("trace-view", "PO-EVICTED", 1, "evicted"),
                new ViewCheck.Shortfall("purchase-order-view", "PO-SHOWN-ANYWAY", 2, "evicted"),
                new ViewCheck.Shortfall("sla-clocks", "PO-EVICTED", 1, "evicted"));

        ViewCheck.Accounting accounting = ViewCheck.account(found, shortfalls, Map.of(COUNT + " PO-SHOWN-ANYWAY", 5L));

        assertThat(accounting.accountedFor()).containsExactly(
                "purchase_order_view.event_count PO-PARKED: view no row, store 4 (parked: 4)",
                "trace_step rows PO-EVICTED: view 0, store 1 (evicted: 1)");
        assertThat(accounting.mismatches()).extracting(ViewCheck.Mismatch::documentId)
                .containsExactly("PO-SHORT-BY-MORE", "PO-UNRELATED", "PO-SHOWN-ANYWAY");
        // The view shows events the ledger says it never applied: counted as applied twice would be.
        assertThat(accounting.mismatches().get(2)).satisfies(m -> {
            assertThat(m.viewCount()).isEqualTo(5);
            assertThat(m.storeCount()).isEqualTo(3);
            assertThat(m.appliedTwice()).isTrue();
        });
    }
}
