package org.integrationledger.query.sla;

import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.InvoiceTaxValidationFailed;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.purchaseorder.GoodsReceiptPostedInErp;
import org.integrationledger.model.purchaseorder.GoodsReceived;
import org.integrationledger.model.purchaseorder.PurchaseOrderAmended;
import org.integrationledger.model.purchaseorder.PurchaseOrderCancelled;
import org.integrationledger.model.purchaseorder.PurchaseOrderClosed;
import org.integrationledger.model.purchaseorder.PurchaseOrderEvent;
import org.integrationledger.model.purchaseorder.PurchaseOrderIssued;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostedInErp;
import org.integrationledger.model.purchaseorder.PurchaseOrderPostingRejected;
import org.integrationledger.model.purchaseorder.RequisitionApproved;
import org.integrationledger.model.purchaseorder.StaleAmendmentRecorded;
import org.integrationledger.model.purchaseorder.StalePostingAcknowledgmentRecorded;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.BankAccountChangeApproved;
import org.integrationledger.model.supplier.BankAccountChangeProposed;
import org.integrationledger.model.supplier.DuplicateSupplierRequestCaught;
import org.integrationledger.model.supplier.GoldenRecordCreated;
import org.integrationledger.model.supplier.PropagationTarget;
import org.integrationledger.model.supplier.StaleSupplierAcknowledgmentRecorded;
import org.integrationledger.model.supplier.SupplierBlocked;
import org.integrationledger.model.supplier.SupplierCopyAcknowledged;
import org.integrationledger.model.supplier.SupplierDetailsChanged;
import org.integrationledger.model.supplier.SupplierEvent;
import org.integrationledger.model.supplier.SupplierPropagationFailed;
import org.integrationledger.model.supplier.SupplierRequestApproved;
import org.integrationledger.model.supplier.SupplierRequestRejected;
import org.integrationledger.model.supplier.SupplierRequested;
import org.integrationledger.model.supplier.SupplierUnblocked;
import org.integrationledger.model.supplier.SupplierVersionPropagationRequested;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The events SLA rules can start and stop on, each by its simple class name, with the fields a rule can name on
 * each as typed accessors written here. A rule's configuration chooses among these names
 * ({@link #problems(String, List, List, String, String, String, String)} says which it got wrong), so renaming a
 * record component breaks the build here instead of silently stopping a clock.
 */
final class SlaEvents {

    /** Every document event with a legal entity names it in this field. */
    static final String LEGAL_ENTITY = "legalEntity";
    /** A document's own region (an invoice's), for clocks that wait for no particular system. */
    static final String REGION = "region";
    static final String REPORTING_SYSTEM = "reportingSystem";

    private static final Map<Class<?>, EventType<?>> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, EventType<?>> BY_NAME = new LinkedHashMap<>();

    static {
        purchaseOrder(RequisitionApproved.class)
                .field(LEGAL_ENTITY, e -> one(e.legalEntity()));
        purchaseOrder(PurchaseOrderIssued.class)
                .field(LEGAL_ENTITY, e -> one(e.legalEntity()))
                .field("routedTo", e -> one(e.routedTo()))
                .field("version", e -> one(e.version()));
        purchaseOrder(PurchaseOrderAmended.class).field("version", e -> one(e.version()));
        purchaseOrder(StaleAmendmentRecorded.class).field("version", e -> one(e.version()));
        purchaseOrder(PurchaseOrderPostedInErp.class).field("version", e -> one(e.version()));
        purchaseOrder(StalePostingAcknowledgmentRecorded.class).field("version", e -> one(e.version()));
        purchaseOrder(PurchaseOrderPostingRejected.class).field("version", e -> one(e.version()));
        purchaseOrder(GoodsReceived.class);
        purchaseOrder(GoodsReceiptPostedInErp.class);
        purchaseOrder(PurchaseOrderCancelled.class);
        purchaseOrder(PurchaseOrderClosed.class);

        invoice(InvoiceReceived.class)
                .field(REGION, e -> one(e.region()))
                .field("routedTo", e -> one(e.routedTo()));
        invoice(InvoiceMatched.class);
        invoice(InvoiceMatchVarianceFound.class);
        invoice(InvoiceTaxValidated.class);
        invoice(InvoiceTaxValidationFailed.class).field(REGION, e -> one(e.region()));
        invoice(InvoiceExceptionRaised.class)
                .field(REGION, e -> one(e.region()))
                .field("exceptionNumber", e -> one(e.exceptionNumber()));
        invoice(InvoiceExceptionResolved.class).field("exceptionNumber", e -> one(e.exceptionNumber()));
        invoice(InvoicePostedInErp.class);
        invoice(InvoicePostingControlViolated.class);
        invoice(InvoiceControlViolated.class);
        invoice(InvoicePostingRejected.class);
        invoice(StaleInvoicePostingRejectionRecorded.class);
        invoice(InvoicePaymentScheduled.class).field("paymentReference", e -> one(e.paymentReference()));
        invoice(InvoicePaymentExecuted.class).field("paymentReference", e -> one(e.paymentReference()));
        invoice(InvoiceOverpaymentFlagged.class).field("paymentReference", e -> one(e.paymentReference()));
        invoice(PaymentConfirmationDelivered.class).field("paymentReference", e -> one(e.paymentReference()));
        invoice(PaymentConfirmationAcknowledged.class).field("paymentReference", e -> one(e.paymentReference()));
        invoice(DuplicateInvoiceSubmissionCaught.class);

        supplier(SupplierRequested.class);
        supplier(SupplierRequestApproved.class);
        supplier(SupplierRequestRejected.class);
        supplier(GoldenRecordCreated.class).field("version", e -> one(e.version()));
        supplier(SupplierDetailsChanged.class).field("version", e -> one(e.version()));
        supplier(BankAccountChangeProposed.class);
        supplier(BankAccountChangeApproved.class).field("version", e -> one(e.version()));
        supplier(SupplierBlocked.class).field("version", e -> one(e.version()));
        supplier(SupplierUnblocked.class).field("version", e -> one(e.version()));
        supplier(SupplierVersionPropagationRequested.class)
                .field("version", e -> one(e.version()))
                .field("targets.system", e -> e.targets().stream().filter(Objects::nonNull)
                        .map(PropagationTarget::system).filter(Objects::nonNull).map(SystemId::value).toList());
        supplier(SupplierCopyAcknowledged.class).field("version", e -> one(e.version()));
        supplier(StaleSupplierAcknowledgmentRecorded.class).field("version", e -> one(e.version()));
        supplier(SupplierPropagationFailed.class).field("version", e -> one(e.version()));
        supplier(DuplicateSupplierRequestCaught.class);
    }

    private SlaEvents() {
    }

    /** The event type names rules can use. */
    static Set<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The field names a rule can use on the named event type (empty for an unknown type). */
    static Set<String> fieldsOf(String eventType) {
        EventType<?> type = BY_NAME.get(eventType);
        return type == null ? Set.of() : Collections.unmodifiableSet(type.fields.keySet());
    }

    /** The field's values on the event; empty when the event type or the field is not one rules can name. */
    static List<String> values(Object event, String field) {
        EventType<?> type = BY_CLASS.get(event.getClass());
        return type == null ? List.of() : type.values(event, field);
    }

    static String value(Object event, String field) {
        List<String> values = values(event, field);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * What is wrong with a rule's names: an event type no rule can start or stop on, a per-system or version or
     * pair field its start or stop events do not have, a system field no event has. Empty when the rule is
     * clockable.
     */
    static List<String> problems(String startEvent, List<String> startAlternatives, List<String> stopEvents,
                                 String clockPerSystem, String systemField, String versionField, String pairField) {
        List<String> problems = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        starts.add(startEvent);
        starts.addAll(startAlternatives);
        List<String> all = new ArrayList<>(starts);
        all.addAll(stopEvents);
        all.stream().filter(name -> !BY_NAME.containsKey(name)).distinct().forEach(name -> problems.add(
                "unknown event '" + name + "' (known: " + new TreeSet<>(BY_NAME.keySet()) + ")"));
        requireField(problems, "clock-per-system", clockPerSystem, starts);
        requireField(problems, "version-field", versionField, all);
        requireField(problems, "pair-field", pairField, all);
        if (systemField != null && BY_NAME.values().stream().noneMatch(type -> type.fields.containsKey(systemField))) {
            problems.add("system-field '" + systemField + "' is not a field of any event");
        }
        return problems;
    }

    private static void requireField(List<String> problems, String setting, String field, List<String> events) {
        if (field == null) {
            return;
        }
        events.stream().filter(BY_NAME::containsKey).filter(name -> !BY_NAME.get(name).fields.containsKey(field))
                .forEach(name -> problems.add(setting + " '" + field + "' is not a field of " + name + " (its fields: "
                        + new TreeSet<>(BY_NAME.get(name).fields.keySet()) + ")"));
    }

    private static <E extends PurchaseOrderEvent> EventType<E> purchaseOrder(Class<E> type) {
        return register(type, PurchaseOrderEvent::reportingSystem);
    }

    private static <E extends InvoiceEvent> EventType<E> invoice(Class<E> type) {
        return register(type, InvoiceEvent::reportingSystem).field(LEGAL_ENTITY, e -> one(e.legalEntity()));
    }

    private static <E extends SupplierEvent> EventType<E> supplier(Class<E> type) {
        return register(type, SupplierEvent::reportingSystem);
    }

    private static <E> EventType<E> register(Class<E> type, Function<E, SystemId> reportingSystem) {
        EventType<E> eventType = new EventType<>(type);
        eventType.field(REPORTING_SYSTEM, e -> one(reportingSystem.apply(e)));
        BY_CLASS.put(type, eventType);
        BY_NAME.put(type.getSimpleName(), eventType);
        return eventType;
    }

    private static List<String> one(SystemId system) {
        return system == null ? List.of() : one(system.value());
    }

    private static List<String> one(LegalEntityId legalEntity) {
        return legalEntity == null ? List.of() : one(legalEntity.value());
    }

    /** A number or a text as rules compare it; ids go through their own overloads, which read their value. */
    private static List<String> one(Object value) {
        return value == null ? List.of() : List.of(value.toString());
    }

    /** One event type: how to read each field a rule can name. */
    private static final class EventType<E> {

        private final Class<E> type;
        private final Map<String, Function<E, List<String>>> fields = new LinkedHashMap<>();

        private EventType(Class<E> type) {
            this.type = type;
        }

        private EventType<E> field(String name, Function<E, List<String>> accessor) {
            fields.put(name, accessor);
            return this;
        }

        private List<String> values(Object event, String field) {
            Function<E, List<String>> accessor = fields.get(field);
            return accessor == null ? List.of() : accessor.apply(type.cast(event));
        }
    }
}
