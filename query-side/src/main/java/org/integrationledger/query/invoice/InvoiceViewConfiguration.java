package org.integrationledger.query.invoice;

import jakarta.persistence.EntityManager;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.query.fold.FoldHost;
import org.integrationledger.query.fold.LiveStates;
import org.integrationledger.query.fold.PersistedRows;
import org.integrationledger.query.rebuild.Checksums;
import org.integrationledger.query.rebuild.JpaRebuilds;
import org.integrationledger.query.rebuild.RebuildStates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The invoice views' fold in its host: live on {@code invoice_view}, {@code invoice_exception_view} and
 * {@code invoice_payment_view} through JPA, and rebuilt into the three tables in the switch's one transaction, so no
 * reader sees one table rebuilt and another not.
 */
@Configuration(proxyBeanMethods = false)
class InvoiceViewConfiguration {

    @Bean
    FoldHost<InvoiceEvent, InvoiceStates> invoiceViewHost(InvoiceViewRepository invoices,
            InvoiceExceptionViewRepository exceptions, InvoicePaymentViewRepository payments,
            EntityManager entityManager, RebuildStates states, PlatformTransactionManager transactions) {
        return new FoldHost<>(InvoiceProjection.PROCESSING_GROUP, new InvoiceFold(),
                new StoredInvoices(invoices, exceptions, payments, entityManager), states,
                () -> new PersistedRows<>(entityManager, () -> {
                    payments.deleteAllInBatch();
                    exceptions.deleteAllInBatch();
                    invoices.deleteAllInBatch();
                }, InvoiceViewConfiguration::rows),
                () -> checksumOfStoredRows(entityManager), transactions);
    }

    /** An invoice's row, then its exceptions, then its payments. */
    private static Stream<Object> rows(InvoiceStates invoice) {
        return Stream.of(Stream.<Object>of(new InvoiceView(invoice.invoice())),
                        invoice.exceptions().values().stream().map(InvoiceExceptionView::new),
                        invoice.payments().values().stream().map(InvoicePaymentView::new))
                .flatMap(Function.identity());
    }

    /** The three tables, each in key order, each line tagged with its table so a row cannot pass for another's. */
    private static String checksumOfStoredRows(EntityManager entityManager) {
        // flatMap closes each table's cursor once its lines are consumed.
        return Checksums.sha256(Stream.of(
                        JpaRebuilds.lines(entityManager, InvoiceView.class, "e.invoiceId",
                                row -> "invoice|" + row.state().canonicalLine()),
                        JpaRebuilds.lines(entityManager, InvoiceExceptionView.class, "e.exceptionId",
                                row -> "exception|" + row.state().canonicalLine()),
                        JpaRebuilds.lines(entityManager, InvoicePaymentView.class, "e.paymentId",
                                row -> "payment|" + row.state().canonicalLine()))
                .flatMap(rows -> rows));
    }

    /**
     * The live rows, in the processor's batch transaction: found rows are managed (their changes flush at commit),
     * new ones are persisted, and only the exceptions and payments an event changed are written. A new row is
     * persisted rather than saved: {@code save} would merge, and for an assigned id that is an extra SELECT.
     */
    private record StoredInvoices(InvoiceViewRepository invoices, InvoiceExceptionViewRepository exceptions,
                                  InvoicePaymentViewRepository payments, EntityManager entityManager)
            implements LiveStates<InvoiceStates> {

        @Override
        public InvoiceStates load(String key) {
            // Every event writes its invoice's row, so an invoice without a row has no exceptions and no payments.
            return invoices.findById(key).map(row -> {
                TreeMap<String, InvoiceExceptionState> exceptionStates = new TreeMap<>();
                for (InvoiceExceptionView exception : exceptions.findByInvoiceId(key)) {
                    InvoiceExceptionState state = exception.state();
                    exceptionStates.put(state.exceptionId(), state);
                }
                TreeMap<String, InvoicePaymentState> paymentStates = new TreeMap<>();
                for (InvoicePaymentView payment : payments.findByInvoiceId(key)) {
                    InvoicePaymentState state = payment.state();
                    paymentStates.put(state.paymentId(), state);
                }
                return new InvoiceStates(row.state(), exceptionStates, paymentStates);
            }).orElse(null);
        }

        @Override
        public void save(String key, InvoiceStates before, InvoiceStates state) {
            saveChanged(state.exceptions(), before == null ? Map.of() : before.exceptions(), InvoiceExceptionView::new,
                    id -> exceptions.findById(id).orElseThrow(), InvoiceExceptionView::write, exceptions::save);
            saveChanged(state.payments(), before == null ? Map.of() : before.payments(), InvoicePaymentView::new,
                    id -> payments.findById(id).orElseThrow(), InvoicePaymentView::write, payments::save);
            if (before == null) {
                entityManager.persist(new InvoiceView(state.invoice()));
            } else if (before.invoice() != state.invoice()) {
                InvoiceView row = invoices.findById(key).orElseThrow();
                row.write(state.invoice());
                written(row, invoices::save);
            }
        }

        /** Persists new states' rows and writes changed ones; a state the event left alone is the same object. */
        private <S, R> void saveChanged(Map<String, S> now, Map<String, S> before, Function<S, R> newRow,
                                        Function<String, R> storedRow, BiConsumer<R, S> write, Consumer<R> save) {
            now.forEach((id, state) -> {
                S old = before.get(id);
                if (old == state) {
                    return;
                }
                if (old == null) {
                    entityManager.persist(newRow.apply(state));
                } else {
                    R row = storedRow.apply(id);
                    write.accept(row, state);
                    written(row, save);
                }
            });
        }

        /** Outside a transaction (no persistence context to flush it) a changed row is written explicitly. */
        private <R> void written(R row, Consumer<R> save) {
            if (!entityManager.contains(row)) {
                save.accept(row);
            }
        }
    }
}
