package org.integrationledger.query.purchaseorder;

import jakarta.persistence.criteria.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.integrationledger.model.purchaseorder.FindPurchaseOrder;
import org.integrationledger.model.purchaseorder.ListPurchaseOrders;
import org.integrationledger.model.purchaseorder.PurchaseOrderPage;
import org.integrationledger.model.purchaseorder.PurchaseOrderSummary;
import org.integrationledger.query.paging.CappedTotal;
import org.integrationledger.query.paging.PagingSettings;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    private final NamedParameterJdbcTemplate jdbc;
    private final PagingSettings paging;

    PurchaseOrderQueries(PurchaseOrderViewRepository views, NamedParameterJdbcTemplate jdbc, PagingSettings paging) {
        this.views = views;
        this.jdbc = jdbc;
        this.paging = paging;
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
        // The page through the index of the list's order, and the total counted up to the limit: Spring Data's exact
        // count read every match (docs/benchmarks.md), however small the page.
        Slice<PurchaseOrderView> page = views.findBy(filter, q -> q.sortBy(NEWEST_FIRST)
                .slice(PageRequest.of(query.page().page(), query.page().size())));
        MapSqlParameterSource params = new MapSqlParameterSource("countUpTo", paging.totalCountLimit() + 1L);
        List<String> where = new ArrayList<>();
        if (query.procurementStatus() != null) {
            where.add("procurement_status = :procurementStatus");
            params.addValue("procurementStatus", query.procurementStatus().name());
        }
        if (query.erpStatus() != null) {
            where.add("erp_status = :erpStatus");
            params.addValue("erpStatus", query.erpStatus().name());
        }
        if (query.erp() != null) {
            where.add("routed_to = :erp");
            params.addValue("erp", query.erp().value());
        }
        if (query.legalEntity() != null) {
            where.add("legal_entity = :legalEntity");
            params.addValue("legalEntity", query.legalEntity().value());
        }
        long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM purchase_order_view"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " LIMIT :countUpTo) m",
                params, Long.class);
        CappedTotal total = CappedTotal.of(counted, paging.totalCountLimit());
        return new PurchaseOrderPage(page.map(PurchaseOrderView::toSummary).getContent(), query.page().page(),
                query.page().size(), total.total(), total.exact());
    }
}
