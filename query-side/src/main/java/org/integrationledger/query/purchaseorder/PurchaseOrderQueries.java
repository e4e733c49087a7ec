package org.integrationledger.query.purchaseorder;

import jakarta.persistence.criteria.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.integrationledger.model.purchaseorder.FindPurchaseOrder;
import org.integrationledger.model.purchaseorder.ListPurchaseOrders;
import org.integrationledger.model.purchaseorder.PurchaseOrderPage;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the purchase-order queries from the view; every list is paged and served by an index. */
@Component
class PurchaseOrderQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("lastBusinessTime"),
            Sort.Order.asc("purchaseOrderId"));

    private final PurchaseOrderViewRepository views;

    PurchaseOrderQueries(PurchaseOrderViewRepository views) {
        this.views = views;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<PurchaseOrderSummary> handle(FindPurchaseOrder query) {
        return views.findById(query.purchaseOrderId().value()).map(PurchaseOrderView::toSummary);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public PurchaseOrderPage handle(ListPurchaseOrders query) {
        Specification<PurchaseOrderView> filter = (root, criteria, builder) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.procurementStatus() != null) {
                where.add(builder.equal(root.get("procurementStatus"), query.procurementStatus()));
            }
            if (query.erpStatus() != null) {
                where.add(builder.equal(root.get("erpStatus"), query.erpStatus()));
            }
            if (query.erp() != null) {
                where.add(builder.equal(root.get("routedTo"), query.erp().value()));
            }
            if (query.legalEntity() != null) {
                where.add(builder.equal(root.get("legalEntity"), query.legalEntity().value()));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
        Page<PurchaseOrderView> page = views.findAll(filter,
                PageRequest.of(query.page().page(), query.page().size(), NEWEST_FIRST));
        return new PurchaseOrderPage(page.map(PurchaseOrderView::toSummary).getContent(), query.page().page(),
                query.page().size(), page.getTotalElements());
    }
}
