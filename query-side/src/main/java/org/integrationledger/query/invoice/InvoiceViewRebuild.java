package org.integrationledger.query.invoice;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.JpaRebuilds;
import org.integrationledger.query.rebuild.RebuildableProjection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.stream.Stream;

/**
 * The invoice views as one rebuildable projection: rebuilt in memory by {@link InvoiceReplay} (the live
 * projection's own rules, no handlers), then swapped into the three tables in one transaction. The checksum
 * covers all three tables, each in key order.
 */
@Component
class InvoiceViewRebuild implements RebuildableProjection {

    private final InvoiceViewRepository invoices;
    private final InvoiceExceptionViewRepository exceptions;
    private final InvoicePaymentViewRepository payments;
    private final EntityManager entityManager;

    InvoiceViewRebuild(InvoiceViewRepository invoices, InvoiceExceptionViewRepository exceptions,
                       InvoicePaymentViewRepository payments, EntityManager entityManager) {
        this.invoices = invoices;
        this.exceptions = exceptions;
        this.payments = payments;
        this.entityManager = entityManager;
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
        InvoiceReplay replay = new InvoiceReplay();
        return new Rebuild() {
            private String checksum;

            @Override
            public void apply(EventMessage<?> event) {
                if (event.getPayload() instanceof InvoiceEvent invoiceEvent) {
                    replay.apply(invoiceEvent, event.getTimestamp());
                }
            }

            @Override
            public void replaceLive() {
                payments.deleteAllInBatch();
                exceptions.deleteAllInBatch();
                invoices.deleteAllInBatch();
                JpaRebuilds.persistAll(entityManager, replay.invoices());
                JpaRebuilds.persistAll(entityManager, replay.exceptions());
                JpaRebuilds.persistAll(entityManager, replay.payments());
                // Read back, so the checksum sees the values as the tables store them (PostgreSQL rounds instants
                // to microseconds), exactly as the checksum of the live tables does.
                checksum = liveChecksum();
            }

            @Override
            public String checksum() {
                return checksum;
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
}
