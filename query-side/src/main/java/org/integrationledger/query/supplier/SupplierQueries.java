package org.integrationledger.query.supplier;

import jakarta.persistence.criteria.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.CountSupplierCopiesBySystem;
import org.integrationledger.model.supplier.FindSupplier;
import org.integrationledger.model.supplier.FindUnacknowledgedSupplierCopies;
import org.integrationledger.model.supplier.SupplierCopyCounts;
import org.integrationledger.model.supplier.SupplierCopyPage;
import org.integrationledger.model.supplier.SupplierCopyStatus;
import org.integrationledger.model.supplier.SupplierSummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the supplier queries; the propagation-lag list is served by partial indexes on pending copies. */
@Component
class SupplierQueries {

    private static final Sort LONGEST_PENDING_FIRST = Sort.by(Sort.Order.asc("pendingSince"),
            Sort.Order.asc("supplierId"), Sort.Order.asc("systemId"));

    private final SupplierViewRepository suppliers;
    private final SupplierCopyViewRepository copies;

    SupplierQueries(SupplierViewRepository suppliers, SupplierCopyViewRepository copies) {
        this.suppliers = suppliers;
        this.copies = copies;
    }

    /** One snapshot for both tables, so the supplier and its copies never come from two different projection batches. */
    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<SupplierSummary> handle(FindSupplier query) {
        String id = query.supplierId().value();
        return suppliers.findById(id).map(view -> view.toSummary(
                copies.findBySupplierIdOrderBySystemId(id).stream().map(SupplierCopyView::toStatus).toList()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public SupplierCopyPage handle(FindUnacknowledgedSupplierCopies query) {
        Instant pendingAtLeastSince = query.asOf().minus(query.unacknowledgedFor());
        Specification<SupplierCopyView> filter = (root, criteria, builder) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(builder.isNotNull(root.get("pendingSince")));
            where.add(builder.lessThanOrEqualTo(root.get("pendingSince"), pendingAtLeastSince));
            if (query.system() != null) {
                where.add(builder.equal(root.get("systemId"), query.system().value()));
            }
            if (query.region() != null) {
                where.add(builder.equal(root.get("region"), query.region()));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
        Page<SupplierCopyView> page = copies.findAll(filter,
                PageRequest.of(query.page().page(), query.page().size(), LONGEST_PENDING_FIRST));
        List<SupplierCopyStatus> items = page.map(SupplierCopyView::toStatus).getContent();
        return new SupplierCopyPage(items, query.page().page(), query.page().size(), page.getTotalElements());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public SupplierCopyCounts handle(CountSupplierCopiesBySystem query) {
        List<SupplierCopyCounts.SystemCount> systems = copies.countBySystem(
                        query.system() == null ? null : query.system().value(), query.region()).stream()
                .map(row -> {
                    long all = ((Number) row[2]).longValue();
                    long pending = ((Number) row[3]).longValue();
                    return new SupplierCopyCounts.SystemCount(SystemId.of((String) row[0]), (String) row[1], all,
                            all - pending, pending, ((Number) row[4]).longValue(), (Instant) row[5]);
                })
                .toList();
        return new SupplierCopyCounts(systems);
    }
}
