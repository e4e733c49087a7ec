package org.integrationledger.query.supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.FindSupplier;
import org.integrationledger.model.supplier.FindUnacknowledgedSupplierCopies;
import org.integrationledger.model.supplier.SupplierCopyPage;
import org.integrationledger.model.supplier.SupplierSummary;
import org.integrationledger.query.QueryParameters;
import org.integrationledger.query.QueryProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Read API of the supplier views: one supplier with every copy, and the copies stuck unacknowledged (question 3). */
@RestController
@Tag(name = "Suppliers: views")
class SupplierQueryController {

    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    SupplierQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/suppliers/{supplierId}")
    @Operation(summary = "One supplier: state, owner, vendor numbers, masked bank data, block, every copy")
    SupplierSummary find(@PathVariable String supplierId) {
        SupplierId id = SupplierId.of(supplierId);
        return queries.query(new FindSupplier(id), ResponseTypes.optionalInstanceOf(SupplierSummary.class))
                .join()
                .orElseThrow(() -> QueryProblems.notFound(ErrorCode.SUPPLIER_NOT_FOUND,
                        "no supplier " + id + " is known to the ledger"));
    }

    @GetMapping("/api/v1/supplier-copies/unacknowledged")
    @Operation(summary = "Supplier copies a target system has not acknowledged for longer than a duration",
            description = "Longest pending first. Pending time runs from the business time of the oldest version "
                    + "the system has not acknowledged.")
    SupplierCopyPage unacknowledged(
            @Parameter(description = "ISO-8601 duration, e.g. PT4H (the default supplier SLA)")
            @RequestParam(defaultValue = "PT4H") String unacknowledgedFor,
            @Parameter(description = "target system, e.g. ERP_EMEA") @RequestParam(required = false) String system,
            @Parameter(description = "region of the target system: GLOBAL, NA, EMEA")
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        FindUnacknowledgedSupplierCopies query = new FindUnacknowledgedSupplierCopies(
                QueryParameters.duration("unacknowledgedFor", unacknowledgedFor),
                clock.instant(), system == null ? null : SystemId.of(system), region, new PageRequest(page, size));
        return queries.query(query, ResponseTypes.instanceOf(SupplierCopyPage.class)).join();
    }
}
