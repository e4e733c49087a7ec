package org.integrationledger.query.invoice;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.JpaRebuilds;
import org.integrationledger.query.rebuild.RebuildStates;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.stream.Stream;

/**
 * The invoice views as one rebuildable projection: rebuilt by {@link InvoiceViewRules} (the live projection's own
 * rules, no handlers) into bounded states, then swapped into the three tables in one transaction. The checksum
 * covers all three tables, each in key order.
 */
@Component
class InvoiceViewRebuild implements RebuildableProjection {

    private final InvoiceViewRepository invoices;
    private final InvoiceExceptionViewRepository exceptions;
    private final InvoicePaymentViewRepository payments;
    private final EntityManager entityManager;
    private final RebuildStates states;

    InvoiceViewRebuild(InvoiceViewRepository invoices, InvoiceExceptionViewRepository exceptions,
                       InvoicePaymentViewRepository payments, EntityManager entityManager, RebuildStates states) {
        this.invoices = invoices;
        this.exceptions = exceptions;
        this.payments = payments;
        this.entityManager = entityManager;
        this.states = states;
    }

    @Override
    public String name() {
        return InvoiceProjection.PROCESSING_GROUP;
    }

    @Override
    @Transactional(readOnly = true)
    public String checksum() {
        return liveChecksum();
    }

    @Override
    public Rebuild newRebuild() {
        // Bounded: a large store's invoices do not all fit in memory (docs/audit.md, "Memory of a rebuild").
        BoundedRows rows = new BoundedRows(states.open(name() + "/invoice"), states.open(name() + "/exception"),
                states.open(name() + "/payment"));
        return new Rebuild() {
            @Override
            public void apply(EventMessage<?> event) {
                if (event.getPayload() instanceof InvoiceEvent invoiceEvent) {
                    InvoiceViewRules.apply(invoiceEvent, event.getTimestamp(), rows);
                    rows.evictIfFull();
                }
            }

            @Override
            public void replaceLive() {
                payments.deleteAllInBatch();
                exceptions.deleteAllInBatch();
                invoices.deleteAllInBatch();
                JpaRebuilds.persistAll(entityManager, rows.invoices().drain());
                JpaRebuilds.persistAll(entityManager, rows.exceptions().drain());
                JpaRebuilds.persistAll(entityManager, rows.payments().drain());
            }

            @Override
            public List<BoundedStates<?>> states() {
                return List.of(rows.invoices(), rows.exceptions(), rows.payments());
            }
        };
    }

    private String liveChecksum() {
        // flatMap closes each table's cursor once its lines are consumed.
        return Checksums.sha256(Stream.of(
                JpaRebuilds.lines(entityManager, InvoiceView.class, "e.invoiceId",
                        row -> "invoice|" + row.canonicalLine()),
                JpaRebuilds.lines(entityManager, InvoiceExceptionView.class, "e.exceptionId",
                        row -> "exception|" + row.canonicalLine()),
                JpaRebuilds.lines(entityManager, InvoicePaymentView.class, "e.paymentId",
                        row -> "payment|" + row.canonicalLine()))
                .flatMap(rows -> rows));
    }

    /** The rows of a rebuild, at most so many of each kind in memory. */
    private record BoundedRows(BoundedStates<InvoiceView> invoices, BoundedStates<InvoiceExceptionView> exceptions,
                               BoundedStates<InvoicePaymentView> payments) implements InvoiceRows {

        @Override
        public InvoiceView invoice(String invoiceId) {
            return invoices.computeIfAbsent(invoiceId, InvoiceView::new);
        }

        @Override
        public InvoiceExceptionView exception(String exceptionId) {
            return exceptions.computeIfAbsent(exceptionId, InvoiceExceptionView::new);
        }

        @Override
        public InvoicePaymentView payment(InvoiceView invoice, String legalEntity, String paymentReference) {
            return payments.computeIfAbsent(InvoicePaymentView.idOf(invoice.invoiceId(), paymentReference),
                    id -> new InvoicePaymentView(invoice.invoiceId(), paymentReference, invoice.supplierId(),
                            legalEntity));
        }

        void evictIfFull() {
            invoices.evictIfFull();
            exceptions.evictIfFull();
            payments.evictIfFull();
        }
    }
}
