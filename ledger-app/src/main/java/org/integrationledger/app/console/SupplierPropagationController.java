package org.integrationledger.app.console;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.CountSupplierCopiesBySystem;
import org.integrationledger.model.supplier.FindUnacknowledgedSupplierCopies;
import org.integrationledger.model.supplier.SupplierCopyCounts;
import org.integrationledger.model.supplier.SupplierCopyPage;
import org.integrationledger.model.supplier.SupplierCopyStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.integrationledger.app.console.SlaBoardController.blankToNull;

/**
 * Supplier propagation (question 3): golden-record versions requested against acknowledged, per target system,
 * and the copies still pending, oldest first: the list of {@code GET /api/v1/supplier-copies/unacknowledged}.
 */
@Controller
@ConditionalOnProperty(name = "ledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
class SupplierPropagationController {

    private final QueryGateway queries;
    private final Clock clock;

    SupplierPropagationController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/console/suppliers/propagation")
    Object propagation(@RequestParam(required = false) String system, @RequestParam(required = false) String region,
                       @RequestParam(required = false) String pendingFor,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                       @RequestParam(required = false) String format, Model model) {
        SystemId systemId = blankToNull(system) == null ? null : SystemId.of(system.trim().toUpperCase(Locale.ROOT));
        String regionFilter = blankToNull(region) == null ? null : region.trim().toUpperCase(Locale.ROOT);
        Duration pending = blankToNull(pendingFor) == null ? Duration.ZERO : Duration.parse(pendingFor.trim());
        Instant now = clock.instant();
        if (CsvExport.requested(format)) {
            SupplierCopyPage all = pending(pending, now, systemId, regionFilter, new PageRequest(0, PageRequest.MAX_SIZE));
            return new CsvExport("supplier-propagation.csv", List.of("supplier_id", "legal_name", "system", "region",
                    "requested_version", "acknowledged_version", "pending_since", "failed_version", "last_failure"),
                    all.items().stream().map(SupplierPropagationController::csvRow).toList()).response();
        }
        SupplierCopyPage found = pending(pending, now, systemId, regionFilter, new PageRequest(page, size));
        SupplierCopyCounts counts = queries.query(new CountSupplierCopiesBySystem(systemId, regionFilter),
                ResponseTypes.instanceOf(SupplierCopyCounts.class)).join();
        model.addAttribute("found", found);
        model.addAttribute("counts", counts);
        model.addAttribute("now", now);
        model.addAttribute("params", new Params(systemId == null ? "" : systemId.value(),
                regionFilter == null ? "" : regionFilter, blankToNull(pendingFor) == null ? "" : pendingFor.trim()));
        return "console/supplier-propagation";
    }

    /** The filters as the page's form and pager write them back. */
    record Params(String system, String region, String pendingFor) {
    }

    private SupplierCopyPage pending(Duration pendingFor, Instant now, SystemId system, String region,
                                     PageRequest page) {
        return queries.query(new FindUnacknowledgedSupplierCopies(pendingFor, now, system, region, page),
                ResponseTypes.instanceOf(SupplierCopyPage.class)).join();
    }

    private static List<String> csvRow(SupplierCopyStatus copy) {
        return List.of(copy.supplierId().value(), Formats.text(copy.legalName()), copy.system().value(),
                Formats.text(copy.region()), String.valueOf(copy.requestedVersion()),
                Formats.text(copy.acknowledgedVersion()), Formats.text(copy.pendingSince()),
                Formats.text(copy.failedVersion()), Formats.text(copy.lastFailure()));
    }
}
