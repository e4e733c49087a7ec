package org.integrationledger.command.invoice;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.integrationledger.command.controls.BeneficiaryControl;
import org.integrationledger.command.controls.SupplierControlFacts;
import org.integrationledger.command.controls.SupplierStatusControl;
import org.integrationledger.command.outcome.CommandOutcome;
import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.command.routing.LegalEntityCurrencies;
import org.integrationledger.command.routing.LegalEntityRouting;
import org.integrationledger.command.routing.SystemRegistry;
import org.integrationledger.model.invoice.AcknowledgeInvoicePosting;
import org.integrationledger.model.invoice.AcknowledgePaymentConfirmation;
import org.integrationledger.model.invoice.DuplicateInvoiceSubmissionCaught;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceExceptionRaised;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.InvoiceTaxValidationFailed;
import org.integrationledger.model.invoice.LineMatch;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.OverrideInvoiceException;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.invoice.ReceiveInvoice;
import org.integrationledger.model.invoice.RecordDuplicateInvoiceSubmission;
import org.integrationledger.model.invoice.RecordPaymentConfirmationDelivery;
import org.integrationledger.model.invoice.RecordPaymentExecution;
import org.integrationledger.model.invoice.RejectInvoicePosting;
import org.integrationledger.model.invoice.RematchInvoice;
import org.integrationledger.model.invoice.ReportTaxValidation;
import org.integrationledger.model.invoice.ScheduleInvoicePayment;
import org.integrationledger.model.invoice.StaleInvoicePostingRejectionRecorded;
import org.integrationledger.model.invoice.TaxStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.DocumentKind;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A supplier invoice as every system has reported it, from receipt to the confirmation of its payments. The
 * purchase-order facts it is matched against reach it through the command side's own lookup
 * ({@link PurchaseOrderFacts}), never through the query side.
 */
@Aggregate(cache = "invoiceCache", commandTargetResolver = "invoiceTargetResolver")
public class Invoice {

    /** Trigger of the match made when the invoice arrives (later matches name the goods receipt). */
    static final String ON_RECEIPT = "INVOICE_RECEIVED";

    private InvoiceId id;
    private boolean received;
    private LegalEntityId legalEntity;
    private SupplierId supplier;
    private PurchaseOrderId purchaseOrderId;
    private SystemId routedTo;
    private String region;
    private String queue;
    private String taxRegime;
    private String submittedBy;
    private Money gross;
    private List<InvoiceLine> lines = List.of();
    private MatchStatus matchStatus;
    private List<LineMatch> lastMatch = List.of();
    private TaxStatus taxStatus = TaxStatus.PENDING;
    private int exceptionCount;
    private final Map<ExceptionKind, Integer> openExceptions = new EnumMap<>(ExceptionKind.class);
    private Instant postedAt;
    private String erpDocumentNumber;
    // The ERP's last word before the invoice was received: posted (document number) or rejected (reason).
    private SystemId earlyReportBy;
    private String earlyRejection;
    private final Set<String> scheduledPayments = new HashSet<>();
    private final Map<String, Instant> executedPayments = new HashMap<>();
    private Money totalPaid;
    private boolean overpaid;

    protected Invoice() {
        // Axon rebuilds the invoice from its events and creates it on the CREATE_IF_MISSING receipt.
    }

    /** The event store key: ids are per document type, so a document of another type may share this id. */
    @AggregateIdentifier
    String storedKey() {
        return id == null ? null : DocumentKind.INVOICE.key(id.value());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(ReceiveInvoice command, PurchaseOrderFacts orders, InvoiceNumberClaims claims,
                                 DuplicateSuspicion suspicion, MatchingTolerances tolerances,
                                 LegalEntityRouting erpRouting, ExceptionRouting exceptionRouting,
                                 TaxRegimes taxRegimes, LegalEntityCurrencies currencies,
                                 SupplierControlFacts suppliers) {
        if (received) {
            throw new RuleViolation(ErrorCode.INVOICE_ALREADY_RECEIVED, "invoice " + command.invoiceId()
                    + " was already received");
        }
        InvoiceAmounts.check(command.lines(), command.net(), command.tax(), command.gross());
        PurchaseOrderFacts.Order order = orders.find(command.purchaseOrderId()).orElseThrow(() -> new RuleViolation(
                ErrorCode.INVOICE_PURCHASE_ORDER_UNKNOWN, "purchase order " + command.purchaseOrderId()
                + " has not been reported issued; an invoice is matched against an issued order"));
        List<OrderConformity.Misfit> misfits = OrderConformity.misfits(command, order, currencies);
        String normalized = command.supplierInvoiceNumber().normalized();
        // Names the original in the common case; the claim table's key decides a concurrent race.
        claims.holderOf(command.supplier(), normalized).ifPresent(original -> {
            throw InvoiceNumberClaims.duplicate(command.supplier(), command.supplierInvoiceNumber().value(),
                    original);
        });
        LegalEntityId entity = order.legalEntity();
        if (command.billedTo() != null) {
            // A legal entity the ledger does not route is not under its control (unknown-legal-entity).
            erpRouting.routeFor(command.billedTo());
        }
        List<Object> recorded = new ArrayList<>();
        recorded.add(apply(new InvoiceReceived(command.invoiceId(), entity, command.billedTo(), command.supplier(),
                command.supplierInvoiceNumber(), normalized, command.invoiceDate(), command.purchaseOrderId(),
                erpRouting.erpFor(entity), exceptionRouting.regionOf(entity), exceptionRouting.queueOf(entity),
                taxRegimes.regimeOf(entity), command.lines(), command.net(), command.tax(), command.gross(),
                command.submittedBy(), command.reportingSystem(), command.occurredAt())));
        // Not matched when it does not fit its order at all: an override accepts it as billed.
        misfits.forEach(misfit -> recorded.add(raise(misfit.kind(), null, misfit.detail(), command.reportingSystem(),
                command.occurredAt())));
        if (misfits.isEmpty()) {
            recorded.addAll(matchOnReceipt(command, orders, order, tolerances));
        }
        List<InvoiceNumberClaims.ClaimedInvoice> suspects = suspicion.suspects(
                claims.withSameGross(command.supplier(), command.gross()), command.invoiceDate(), command.gross());
        if (!suspects.isEmpty()) {
            recorded.add(raise(ExceptionKind.DUPLICATE_SUSPICION, null, "same supplier, gross " + gross
                    + " and invoice date within the suspicion window as " + suspects.stream()
                    .map(other -> "invoice " + other.invoiceId() + " (number " + other.supplierInvoiceNumber()
                            + ", dated " + other.invoiceDate() + ")")
                    .collect(Collectors.joining(", ")),
                    suspects.stream().map(InvoiceNumberClaims.ClaimedInvoice::invoiceId).toList(),
                    command.reportingSystem(), command.occurredAt()));
        }
        SupplierStatusControl.badStanding(suppliers, supplier, command.occurredAt()).ifPresent(standing ->
                recorded.add(raise(SupplierStatusControl.exceptionFor(standing), null,
                        SupplierStatusControl.describe(supplier, standing) + " when the invoice was received",
                        command.reportingSystem(), command.occurredAt())));
        recorded.addAll(applyEarlyErpReport(command, suppliers));
        return outcome(recorded);
    }

    private List<Object> matchOnReceipt(ReceiveInvoice command, PurchaseOrderFacts orders,
                                        PurchaseOrderFacts.Order order, MatchingTolerances tolerances) {
        List<LineMatch> match = ThreeWayMatch.match(command.lines(), order,
                orders.billedElsewhere(order.purchaseOrderId(), command.invoiceId()),
                tolerances.forLegalEntity(legalEntity));
        if (ThreeWayMatch.allMatched(match)) {
            return List.of(apply(new InvoiceMatched(id, legalEntity, purchaseOrderId, match, ON_RECEIPT,
                    command.reportingSystem(), command.occurredAt())));
        }
        Money variance = ThreeWayMatch.varianceAmount(match, gross.currency());
        return List.of(apply(new InvoiceMatchVarianceFound(id, legalEntity, purchaseOrderId, match, variance,
                        ON_RECEIPT, command.reportingSystem(), command.occurredAt())),
                raise(ExceptionKind.MATCH_VARIANCE, variance, problems(match), command.reportingSystem(),
                        command.occurredAt()));
    }

    /**
     * An ERP may report on an invoice before procurement does (an out-of-order message). Once the invoice is
     * received, that report is judged like one arriving now: a posting by another ERP than the routed one, or
     * of an invoice that may not be posted, is a control violation; the routed ERP's rejection raises the posting
     * failure.
     */
    private List<Object> applyEarlyErpReport(ReceiveInvoice command, SupplierControlFacts suppliers) {
        if (earlyReportBy == null) {
            return List.of();
        }
        List<Object> recorded = new ArrayList<>();
        if (earlyRejection != null) {
            if (earlyReportBy.equals(routedTo)) {
                recorded.add(raise(ExceptionKind.POSTING_FAILURE, null, earlyRejection, command.reportingSystem(),
                        command.occurredAt()));
            }
        } else if (!earlyReportBy.equals(routedTo)
                || !PostingControl.mayBePosted(matchStatus, openExceptions.keySet())) {
            recorded.add(apply(new InvoicePostingControlViolated(id, legalEntity, erpDocumentNumber, matchStatus,
                    List.copyOf(openExceptions.keySet()), command.reportingSystem(), command.occurredAt())));
        }
        if (earlyRejection == null) {
            // The ERP posted it before procurement reported it: the supplier's standing then is what counts.
            recorded.addAll(applyAll(controls().posting(suppliers, earlyReportBy, postedAt, command.reportingSystem(),
                    command.occurredAt())));
        }
        return recorded;
    }

    @CommandHandler
    public CommandOutcome handle(RematchInvoice command, PurchaseOrderFacts orders, MatchingTolerances tolerances) {
        if (!received || matchStatus != MatchStatus.VARIANCE) {
            // Matched or overridden: a change of the order changes nothing, and a repeated trigger records nothing.
            return outcome(List.of());
        }
        PurchaseOrderFacts.Order order = orders.find(purchaseOrderId).orElseThrow();
        List<LineMatch> match = ThreeWayMatch.match(lines, order, orders.billedElsewhere(purchaseOrderId, id),
                tolerances.forLegalEntity(legalEntity));
        if (!ThreeWayMatch.allMatched(match)) {
            if (match.equals(lastMatch)) {
                return outcome(List.of());
            }
            // Still outside tolerance, but by another amount: the variance on record follows the order's state.
            return outcome(List.of(apply(new InvoiceMatchVarianceFound(id, legalEntity, purchaseOrderId, match,
                    ThreeWayMatch.varianceAmount(match, gross.currency()), command.trigger(),
                    command.reportingSystem(), command.occurredAt()))));
        }
        List<Object> recorded = new ArrayList<>();
        recorded.add(apply(new InvoiceMatched(id, legalEntity, purchaseOrderId, match, command.trigger(),
                command.reportingSystem(), command.occurredAt())));
        recorded.add(resolve(ExceptionKind.MATCH_VARIANCE, ExceptionResolution.CORRECTED_DATA,
                command.reportingSystem().value(), command.cause() + " completed the match",
                command.reportingSystem(), command.occurredAt()));
        return outcome(recorded);
    }

    /**
     * The ledger refused a submission of this invoice's supplier and number under another id; the catch goes on
     * this invoice's record (question 8).
     */
    @CommandHandler
    public CommandOutcome handle(RecordDuplicateInvoiceSubmission command) {
        if (!received) {
            throw new RuleViolation(ErrorCode.INVOICE_NOT_FOUND, "invoice " + id + " has not been received");
        }
        return outcome(List.of(apply(new DuplicateInvoiceSubmissionCaught(id, legalEntity, command.submittedAs(),
                command.supplier(), command.supplierInvoiceNumber(), command.gross(), command.submittedBy(),
                command.requestMessageId(), command.reportingSystem(), command.occurredAt()))));
    }

    @CommandHandler
    public CommandOutcome handle(ReportTaxValidation command, TaxRegimes taxRegimes) {
        requireReceived();
        List<Object> recorded = new ArrayList<>();
        if (command.valid()) {
            recorded.add(apply(new InvoiceTaxValidated(id, legalEntity, taxRegime, command.reportingSystem(),
                    command.occurredAt())));
            if (openExceptions.containsKey(ExceptionKind.TAX_FAILURE)) {
                recorded.add(resolve(ExceptionKind.TAX_FAILURE, ExceptionResolution.CORRECTED_DATA,
                        command.reportingSystem().value(), "the tax engine validated the corrected invoice",
                        command.reportingSystem(), command.occurredAt()));
            }
            return outcome(recorded);
        }
        taxRegimes.checkReasonCodes(taxRegime, command.reasonCodes());
        recorded.add(apply(new InvoiceTaxValidationFailed(id, legalEntity, taxRegime, region, command.reasonCodes(),
                command.detail(), command.reportingSystem(), command.occurredAt())));
        if (!openExceptions.containsKey(ExceptionKind.TAX_FAILURE)) {
            recorded.add(raise(ExceptionKind.TAX_FAILURE, null, taxRegime + ": " + String.join(", ",
                    command.reasonCodes()) + (command.detail() == null ? "" : " (" + command.detail() + ")"),
                    command.reportingSystem(), command.occurredAt()));
        }
        return outcome(recorded);
    }

    @CommandHandler
    public CommandOutcome handle(OverrideInvoiceException command, OverrideAuthority authority) {
        requireReceived();
        if (!openExceptions.containsKey(command.kind())) {
            throw new RuleViolation(ErrorCode.NO_OPEN_EXCEPTION, "invoice " + id + " has no open "
                    + command.kind() + " exception; open: " + openExceptions.keySet());
        }
        authority.check(queue, command.approvedBy(), submittedBy);
        return outcome(List.of(resolve(command.kind(), ExceptionResolution.OVERRIDE, command.approvedBy(),
                command.reason(), command.reportingSystem(), command.occurredAt())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(AcknowledgeInvoicePosting command, SupplierControlFacts suppliers) {
        if (!received) {
            // Known so far only from the ERP; judged against the posting control once the invoice is received.
            return outcome(command.invoiceId(), List.of(apply(new InvoicePostedInErp(command.invoiceId(), null,
                    command.erpDocumentNumber(), command.fiscalPeriod(), command.reportingSystem(),
                    command.occurredAt()))));
        }
        // Another ERP than the routed one does hold the invoice: recorded, not refused, and a control violation
        // (the reconciliation view flags it WRONG_SYSTEM), as for an early report by another ERP.
        boolean routedErp = command.reportingSystem().equals(routedTo);
        List<Object> recorded = new ArrayList<>(resolveCorrectedStanding(suppliers, command.reportingSystem(),
                command.occurredAt()));
        boolean allowed = routedErp && PostingControl.mayBePosted(matchStatus, openExceptions.keySet());
        List<ExceptionKind> open = List.copyOf(openExceptions.keySet());
        recorded.add(apply(new InvoicePostedInErp(id, legalEntity, command.erpDocumentNumber(), command.fiscalPeriod(),
                command.reportingSystem(), command.occurredAt())));
        if (!allowed) {
            recorded.add(apply(new InvoicePostingControlViolated(id, legalEntity, command.erpDocumentNumber(),
                    matchStatus, open, command.reportingSystem(), command.occurredAt())));
        }
        recorded.addAll(applyAll(controls().posting(suppliers, command.reportingSystem(), command.occurredAt(),
                command.reportingSystem(), command.occurredAt())));
        if (routedErp && openExceptions.containsKey(ExceptionKind.POSTING_FAILURE)) {
            recorded.add(resolve(ExceptionKind.POSTING_FAILURE, ExceptionResolution.CORRECTED_DATA,
                    command.reportingSystem().value(), "posted as " + command.erpDocumentNumber(),
                    command.reportingSystem(), command.occurredAt()));
        }
        return outcome(recorded);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RejectInvoicePosting command) {
        if (postedAt != null && command.occurredAt().isBefore(postedAt)) {
            // The ERP's own later acknowledgment supersedes a rejection that arrives late.
            return outcome(command.invoiceId(), List.of(apply(new StaleInvoicePostingRejectionRecorded(
                    command.invoiceId(), legalEntity, command.reasonCode(), command.reason(), postedAt,
                    command.reportingSystem(), command.occurredAt()))));
        }
        if (!received) {
            return outcome(command.invoiceId(), List.of(apply(new InvoicePostingRejected(command.invoiceId(), null,
                    command.reasonCode(), command.reason(), command.reportingSystem(), command.occurredAt()))));
        }
        List<Object> recorded = new ArrayList<>();
        recorded.add(apply(new InvoicePostingRejected(id, legalEntity, command.reasonCode(), command.reason(),
                command.reportingSystem(), command.occurredAt())));
        // Another ERP's refusal is recorded (the reconciliation view flags it WRONG_SYSTEM) but blocks nothing: only
        // the routed ERP's refusal is a posting failure someone must resolve.
        if (command.reportingSystem().equals(routedTo) && !openExceptions.containsKey(ExceptionKind.POSTING_FAILURE)) {
            recorded.add(raise(ExceptionKind.POSTING_FAILURE, null, command.reasonCode() + ": " + command.reason(),
                    command.reportingSystem(), command.occurredAt()));
        }
        return outcome(recorded);
    }

    @CommandHandler
    public CommandOutcome handle(ScheduleInvoicePayment command, SystemRegistry systems) {
        requireReceived();
        return outcome(List.of(apply(payments().schedule(command, notTheRoutedErp(command.reportingSystem(),
                systems)))));
    }

    @CommandHandler
    public CommandOutcome handle(RecordPaymentExecution command, SupplierControlFacts suppliers,
                                 BeneficiaryControl beneficiaryControl) {
        requireReceived();
        List<InvoiceEvent> execution = payments().execute(command);
        List<Object> recorded = new ArrayList<>(resolveCorrectedStanding(suppliers, command.reportingSystem(),
                command.occurredAt()));
        recorded.addAll(applyAll(execution));
        recorded.addAll(applyAll(controls().payment(command, suppliers, beneficiaryControl)));
        return outcome(recorded);
    }

    @CommandHandler
    public CommandOutcome handle(RecordPaymentConfirmationDelivery command, SystemRegistry systems) {
        requireReceived();
        Instant executedAt = payments().executedAt(command.paymentReference());
        return outcome(List.of(apply(new PaymentConfirmationDelivered(id, legalEntity, command.paymentReference(),
                executedAt, command.reportingSystem(), command.occurredAt(),
                notTheRoutedErp(command.reportingSystem(), systems)))));
    }

    @CommandHandler
    public CommandOutcome handle(AcknowledgePaymentConfirmation command) {
        requireReceived();
        Instant executedAt = payments().executedAt(command.paymentReference());
        return outcome(List.of(apply(new PaymentConfirmationAcknowledged(id, legalEntity, command.paymentReference(),
                executedAt, command.reportingSystem(), command.occurredAt()))));
    }

    private InvoicePayments payments() {
        return new InvoicePayments(id, legalEntity, supplier, gross, totalPaid, overpaid, scheduledPayments,
                executedPayments);
    }

    private InvoiceControls controls() {
        return new InvoiceControls(id, legalEntity, supplier, routedTo);
    }

    /** Supplier-status exceptions that the supplier's standing at {@code at} no longer supports are resolved. */
    private List<Object> resolveCorrectedStanding(SupplierControlFacts suppliers, SystemId reportingSystem,
                                                  Instant at) {
        List<Object> resolved = new ArrayList<>();
        controls().standingCorrected(suppliers, openExceptions.keySet(), at).forEach((kind, reason) -> resolved.add(
                resolve(kind, ExceptionResolution.CORRECTED_DATA, reportingSystem.value(), reason, reportingSystem,
                        at)));
        return resolved;
    }

    private static List<Object> applyAll(List<?> events) {
        return events.stream().map(Invoice::apply).toList();
    }

    private void requireReceived() {
        if (!received) {
            throw new RuleViolation(ErrorCode.INVOICE_NOT_FOUND, "invoice " + id + " is known only from an ERP "
                    + "report; procurement has not reported receiving it");
        }
    }

    /**
     * Rule: a fact that treasury or the routed ERP reports is recorded from another ERP too (it happened there),
     * and judged on the record so the reconciliation view flags it WRONG_SYSTEM.
     */
    private boolean notTheRoutedErp(SystemId reportingSystem, SystemRegistry systems) {
        return systems.isOfKind(reportingSystem, "ERP") && !reportingSystem.equals(routedTo);
    }

    private Object raise(ExceptionKind kind, Money variance, String detail, SystemId reportingSystem,
                         Instant occurredAt) {
        return raise(kind, variance, detail, List.of(), reportingSystem, occurredAt);
    }

    private Object raise(ExceptionKind kind, Money variance, String detail, List<InvoiceId> suspectedDuplicateOf,
                         SystemId reportingSystem, Instant occurredAt) {
        return apply(new InvoiceExceptionRaised(id, legalEntity, exceptionCount + 1, kind, region, queue, supplier,
                purchaseOrderId, gross, variance, detail, suspectedDuplicateOf, reportingSystem, occurredAt));
    }

    private Object resolve(ExceptionKind kind, ExceptionResolution resolution, String resolvedBy, String reason,
                           SystemId reportingSystem, Instant occurredAt) {
        return apply(new InvoiceExceptionResolved(id, legalEntity, openExceptions.get(kind), kind, resolution,
                resolvedBy, reason, reportingSystem, occurredAt));
    }

    private static String problems(List<LineMatch> match) {
        return match.stream().filter(line -> !line.matched())
                .map(line -> "line " + line.lineNumber() + ": " + String.join("; ", line.problems()))
                .collect(Collectors.joining(" | "));
    }

    private static Object apply(Object event) {
        AggregateLifecycle.apply(event);
        return event;
    }

    private CommandOutcome outcome(List<Object> recorded) {
        return outcome(id, recorded);
    }

    private static CommandOutcome outcome(InvoiceId invoiceId, List<Object> recorded) {
        return new CommandOutcome(invoiceId.value(), AggregateLifecycle.getVersion(),
                recorded.stream().map(event -> event.getClass().getSimpleName()).toList());
    }

    @EventSourcingHandler
    void on(InvoiceReceived event) {
        id = event.invoiceId();
        received = true;
        legalEntity = event.legalEntity();
        supplier = event.supplier();
        purchaseOrderId = event.purchaseOrderId();
        routedTo = event.routedTo();
        region = event.region();
        queue = event.queue();
        taxRegime = event.taxRegime();
        submittedBy = event.submittedBy();
        gross = event.gross();
        lines = event.lines();
        totalPaid = Money.zero(gross.currency());
    }

    @EventSourcingHandler
    void on(InvoiceMatched event) {
        matchStatus = MatchStatus.MATCHED;
        lastMatch = event.lines();
    }

    @EventSourcingHandler
    void on(InvoiceMatchVarianceFound event) {
        matchStatus = MatchStatus.VARIANCE;
        lastMatch = event.lines();
    }

    @EventSourcingHandler
    void on(InvoiceTaxValidated event) {
        taxStatus = TaxStatus.VALIDATED;
    }

    @EventSourcingHandler
    void on(InvoiceTaxValidationFailed event) {
        taxStatus = TaxStatus.FAILED;
    }

    @EventSourcingHandler
    void on(InvoiceExceptionRaised event) {
        exceptionCount = event.exceptionNumber();
        openExceptions.put(event.kind(), event.exceptionNumber());
    }

    @EventSourcingHandler
    void on(InvoiceExceptionResolved event) {
        openExceptions.remove(event.kind());
        if (event.resolution() == ExceptionResolution.OVERRIDE) {
            switch (event.kind().overrideSettles()) {
                case MATCH -> matchStatus = MatchStatus.OVERRIDDEN;
                case TAX_STATUS -> taxStatus = TaxStatus.OVERRIDDEN;
                case NOTHING -> {
                    // Only the exception closes.
                }
            }
        }
    }

    @EventSourcingHandler
    void on(InvoicePostedInErp event) {
        id = event.invoiceId();
        if (postedAt == null || event.occurredAt().isAfter(postedAt)) {
            postedAt = event.occurredAt();
            erpDocumentNumber = event.erpDocumentNumber();
        }
        if (!received) {
            earlyReportBy = event.reportingSystem();
            earlyRejection = null;
        }
    }

    @EventSourcingHandler
    void on(StaleInvoicePostingRejectionRecorded event) {
        id = event.invoiceId();
    }

    @EventSourcingHandler
    void on(InvoicePostingRejected event) {
        id = event.invoiceId();
        if (!received) {
            earlyReportBy = event.reportingSystem();
            earlyRejection = event.reasonCode() + ": " + event.reason();
        }
    }

    @EventSourcingHandler
    void on(InvoicePaymentScheduled event) {
        scheduledPayments.add(event.paymentReference());
    }

    @EventSourcingHandler
    void on(InvoicePaymentExecuted event) {
        executedPayments.put(event.paymentReference(), event.occurredAt());
        totalPaid = event.totalPaid();
    }

    @EventSourcingHandler
    void on(InvoiceOverpaymentFlagged event) {
        overpaid = true;
    }
}
