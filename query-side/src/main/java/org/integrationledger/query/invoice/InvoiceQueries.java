package org.integrationledger.query.invoice;

import jakarta.persistence.criteria.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.integrationledger.model.invoice.FindInvoice;
import org.integrationledger.model.invoice.FindUnconfirmedPayments;
import org.integrationledger.model.invoice.InvoiceExceptionPage;
import org.integrationledger.model.invoice.InvoiceSummary;
import org.integrationledger.model.invoice.ListInvoiceExceptions;
import org.integrationledger.model.invoice.UnconfirmedPaymentPage;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the invoice queries from the views; every list is paged and served by an index. */
@Component
class InvoiceQueries {

    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("raisedAt"), Sort.Order.asc("exceptionId"));
    private static final Sort LONGEST_WAITING_FIRST = Sort.by(Sort.Order.asc("executedAt"),
            Sort.Order.asc("paymentId"));

    private final InvoiceViewRepository invoices;
    private final InvoiceExceptionViewRepository exceptions;
    private final InvoicePaymentViewRepository payments;
    private final Clock clock = Clock.systemUTC();

    InvoiceQueries(InvoiceViewRepository invoices, InvoiceExceptionViewRepository exceptions,
                   InvoicePaymentViewRepository payments) {
        this.invoices = invoices;
        this.exceptions = exceptions;
        this.payments = payments;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<InvoiceSummary> handle(FindInvoice query) {
        return invoices.findById(query.invoiceId().value()).map(row -> row.state().toSummary());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public InvoiceExceptionPage handle(ListInvoiceExceptions query) {
        Specification<InvoiceExceptionView> filter = (root, criteria, builder) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.status() != null) {
                where.add(builder.equal(root.get("status"), query.status()));
            }
            if (query.kind() != null) {
                where.add(builder.equal(root.get("kind"), query.kind()));
            }
            if (query.queue() != null) {
                where.add(builder.equal(root.get("queue"), query.queue()));
            }
            if (query.region() != null) {
                where.add(builder.equal(root.get("region"), query.region()));
            }
            if (query.legalEntity() != null) {
                where.add(builder.equal(root.get("legalEntity"), query.legalEntity().value()));
            }
            if (query.supplier() != null) {
                where.add(builder.equal(root.get("supplierId"), query.supplier().value()));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
        Page<InvoiceExceptionView> page = exceptions.findAll(filter,
                PageRequest.of(query.page().page(), query.page().size(), OLDEST_FIRST));
        Instant now = clock.instant();
        return new InvoiceExceptionPage(page.map(row -> row.state().toSummary(now)).getContent(),
                query.page().page(), query.page().size(), page.getTotalElements());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public UnconfirmedPaymentPage handle(FindUnconfirmedPayments query) {
        PageRequest request = PageRequest.of(query.page().page(), query.page().size(), LONGEST_WAITING_FIRST);
        Page<InvoicePaymentView> page = query.legalEntity() == null
                ? payments.findByExecutedAtIsNotNullAndConfirmationAcknowledgedAtIsNull(request)
                : payments.findByLegalEntityAndExecutedAtIsNotNullAndConfirmationAcknowledgedAtIsNull(
                        query.legalEntity().value(), request);
        Instant now = clock.instant();
        return new UnconfirmedPaymentPage(page.map(row -> row.state().toUnconfirmed(now)).getContent(),
                query.page().page(), query.page().size(), page.getTotalElements());
    }
}
