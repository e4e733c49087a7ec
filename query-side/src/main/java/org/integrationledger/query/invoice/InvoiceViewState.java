package org.integrationledger.query.invoice;

import org.integrationledger.model.invoice.ConfirmationStatus;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.InvoiceErpStatus;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceSummary;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.PaymentStatus;
import org.integrationledger.model.invoice.SupplierInvoiceNumber;
import org.integrationledger.model.invoice.TaxStatus;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One invoice across procurement, tax engine, ERP and treasury (a row of {@code invoice_view}), immutable, its
 * statuses and open exception kinds as enums. Other values are in the form the table stores them (ids, line matches
 * and tax reason codes as text), so a rebuild spills and writes it without converting. Procurement's fields are null
 * while the invoice is known only from an early ERP report.
 */
record InvoiceViewState(String invoiceId, String supplierId, String supplierInvoiceNumber, LocalDate invoiceDate,
                        String purchaseOrderId, String legalEntity, String region, String queue, String routedTo,
                        String submittedBy, String currency, BigDecimal netAmount, BigDecimal taxAmount,
                        BigDecimal grossAmount, MatchStatus matchStatus, String lineMatches, BigDecimal varianceAmount,
                        TaxStatus taxStatus, String taxRegime, String taxReasonCodes, InvoiceErpStatus erpStatus,
                        String erpDocumentNumber, String fiscalPeriod, String erpRejectionReason,
                        boolean postingControlViolation, BigDecimal amountScheduled, BigDecimal amountPaid,
                        boolean overpaid, int paymentsExecuted, int paymentsAwaitingConfirmation,
                        Set<ExceptionKind> openExceptions, Instant lastBusinessTime, Instant lastRecordedAt,
                        long eventCount) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    InvoiceViewState {
        // An EnumSet iterates in declaration order, so one set of kinds has one text and one list in the summary.
        openExceptions = Collections.unmodifiableSet(openExceptions.isEmpty()
                ? EnumSet.noneOf(ExceptionKind.class) : EnumSet.copyOf(openExceptions));
    }

    /** An invoice no event has named yet: nothing validated, posted, paid or open. */
    static InvoiceViewState initial(String invoiceId) {
        return new InvoiceViewState(invoiceId, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, TaxStatus.PENDING, null, null, InvoiceErpStatus.NOT_POSTED, null, null, null,
                false, BigDecimal.ZERO, BigDecimal.ZERO, false, 0, 0, Set.of(), null, null, 0);
    }

    /** Procurement's facts of the invoice. */
    InvoiceViewState received(InvoiceReceived event) {
        Draft next = draft();
        next.supplierId = event.supplier().value();
        next.supplierInvoiceNumber = event.supplierInvoiceNumber().value();
        next.invoiceDate = event.invoiceDate();
        next.purchaseOrderId = event.purchaseOrderId().value();
        next.legalEntity = event.legalEntity().value();
        next.region = event.region();
        next.queue = event.queue();
        next.routedTo = event.routedTo().value();
        next.submittedBy = event.submittedBy();
        next.currency = event.gross().currency().value();
        next.netAmount = event.net().amount();
        next.taxAmount = event.tax().amount();
        next.grossAmount = event.gross().amount();
        next.taxRegime = event.taxRegime();
        return next.done();
    }

    /** The latest match replaces the one before, lines and variance together. */
    InvoiceViewState matched(MatchStatus status, String lines, BigDecimal variance) {
        Draft next = draft();
        next.matchStatus = status;
        next.lineMatches = lines;
        next.varianceAmount = variance;
        return next.done();
    }

    InvoiceViewState matchStatus(MatchStatus status) {
        Draft next = draft();
        next.matchStatus = status;
        return next.done();
    }

    InvoiceViewState tax(TaxStatus status, List<String> reasonCodes) {
        Draft next = draft();
        next.taxStatus = status;
        next.taxReasonCodes = reasonCodes.isEmpty() ? null : String.join(",", reasonCodes);
        return next.done();
    }

    InvoiceViewState taxStatus(TaxStatus status) {
        Draft next = draft();
        next.taxStatus = status;
        return next.done();
    }

    /** Kinds, not exceptions: two open exceptions of one kind show once, and resolving either closes the kind. */
    InvoiceViewState exceptionOpen(ExceptionKind kind, boolean open) {
        EnumSet<ExceptionKind> kinds = openExceptions.isEmpty() ? EnumSet.noneOf(ExceptionKind.class)
                : EnumSet.copyOf(openExceptions);
        if (open) {
            kinds.add(kind);
        } else {
            kinds.remove(kind);
        }
        Draft next = draft();
        next.openExceptions = kinds;
        return next.done();
    }

    /** A posting clears the reason of an earlier rejection. */
    InvoiceViewState posted(String documentNumber, String period) {
        Draft next = draft();
        next.erpStatus = InvoiceErpStatus.POSTED;
        next.erpDocumentNumber = documentNumber;
        next.fiscalPeriod = period;
        next.erpRejectionReason = null;
        return next.done();
    }

    InvoiceViewState postingControlViolated() {
        Draft next = draft();
        next.postingControlViolation = true;
        return next.done();
    }

    InvoiceViewState postingRejected(String reason) {
        Draft next = draft();
        next.erpStatus = InvoiceErpStatus.REJECTED;
        next.erpRejectionReason = reason;
        return next.done();
    }

    InvoiceViewState paymentScheduled(BigDecimal amount) {
        Draft next = draft();
        next.amountScheduled = amountScheduled.add(amount);
        return next.done();
    }

    /** Treasury reports the running total paid, so the latest execution's total is the invoice's. */
    InvoiceViewState paymentExecuted(BigDecimal totalPaid) {
        Draft next = draft();
        next.amountPaid = totalPaid;
        next.paymentsExecuted = paymentsExecuted + 1;
        next.paymentsAwaitingConfirmation = paymentsAwaitingConfirmation + 1;
        return next.done();
    }

    InvoiceViewState overpaymentFlagged() {
        Draft next = draft();
        next.overpaid = true;
        return next.done();
    }

    InvoiceViewState confirmationAcknowledged() {
        Draft next = draft();
        next.paymentsAwaitingConfirmation = paymentsAwaitingConfirmation - 1;
        return next.done();
    }

    /** One more event: business time only moves forward, recorded time is the event's. */
    InvoiceViewState touched(Instant occurredAt, Instant recordedAt) {
        Draft next = draft();
        if (lastBusinessTime == null || occurredAt.isAfter(lastBusinessTime)) {
            next.lastBusinessTime = occurredAt;
        }
        next.lastRecordedAt = recordedAt;
        next.eventCount = eventCount + 1;
        return next.done();
    }

    /** The open kinds as {@code open_exceptions} stores them: names in declaration order, comma-separated. */
    String openExceptionsText() {
        return openExceptions.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The kinds {@link #openExceptionsText()} wrote. */
    static Set<ExceptionKind> openExceptions(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        EnumSet<ExceptionKind> kinds = EnumSet.noneOf(ExceptionKind.class);
        for (String name : text.split(",")) {
            kinds.add(ExceptionKind.valueOf(name));
        }
        return kinds;
    }

    /** The row as one line of text for checksums of the table: decimals without trailing zeros. */
    String canonicalLine() {
        return String.join("|", invoiceId, supplierId, supplierInvoiceNumber, String.valueOf(invoiceDate),
                purchaseOrderId, legalEntity, region, queue, routedTo, submittedBy, currency, decimal(netAmount),
                decimal(taxAmount), decimal(grossAmount), String.valueOf(matchStatus), String.valueOf(lineMatches),
                decimal(varianceAmount), taxStatus.name(), taxRegime, String.valueOf(taxReasonCodes), erpStatus.name(),
                String.valueOf(erpDocumentNumber), String.valueOf(fiscalPeriod), String.valueOf(erpRejectionReason),
                String.valueOf(postingControlViolation), decimal(amountScheduled), decimal(amountPaid),
                String.valueOf(overpaid), String.valueOf(paymentsExecuted),
                String.valueOf(paymentsAwaitingConfirmation), openExceptionsText(), String.valueOf(lastBusinessTime),
                String.valueOf(lastRecordedAt), String.valueOf(eventCount));
    }

    static String decimal(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    private static Money money(BigDecimal amount, CurrencyCode code) {
        return amount == null || code == null ? null : new Money(amount, code);
    }

    private PaymentStatus paymentStatus() {
        if (overpaid) {
            return PaymentStatus.OVERPAID;
        }
        if (amountPaid.signum() > 0) {
            return grossAmount != null && amountPaid.compareTo(grossAmount) >= 0 ? PaymentStatus.PAID
                    : PaymentStatus.PARTIALLY_PAID;
        }
        return amountScheduled.signum() > 0 ? PaymentStatus.SCHEDULED : PaymentStatus.UNPAID;
    }

    private ConfirmationStatus confirmationStatus() {
        if (paymentsExecuted == 0) {
            return ConfirmationStatus.NO_PAYMENT;
        }
        return paymentsAwaitingConfirmation > 0 ? ConfirmationStatus.AWAITING_ACKNOWLEDGMENT
                : ConfirmationStatus.ACKNOWLEDGED;
    }

    /** The contract's answer for this invoice. */
    InvoiceSummary toSummary() {
        CurrencyCode code = currency == null ? null : CurrencyCode.of(currency);
        return new InvoiceSummary(
                InvoiceId.of(invoiceId),
                supplierId == null ? null : SupplierId.of(supplierId),
                supplierInvoiceNumber == null ? null : SupplierInvoiceNumber.of(supplierInvoiceNumber),
                invoiceDate,
                purchaseOrderId == null ? null : PurchaseOrderId.of(purchaseOrderId),
                legalEntity == null ? null : LegalEntityId.of(legalEntity),
                region,
                queue,
                routedTo == null ? null : SystemId.of(routedTo),
                submittedBy,
                money(netAmount, code),
                money(taxAmount, code),
                money(grossAmount, code),
                matchStatus,
                LineMatchText.decode(lineMatches),
                money(varianceAmount, code),
                taxStatus,
                taxRegime,
                taxReasonCodes == null ? List.of() : List.of(taxReasonCodes.split(",")),
                erpStatus,
                erpDocumentNumber,
                fiscalPeriod,
                erpRejectionReason,
                postingControlViolation,
                paymentStatus(),
                money(amountScheduled, code),
                money(amountPaid, code),
                overpaid,
                confirmationStatus(),
                paymentsAwaitingConfirmation,
                List.copyOf(openExceptions),
                lastBusinessTime,
                lastRecordedAt,
                eventCount);
    }

    private Draft draft() {
        return new Draft(this);
    }

    /**
     * The next state while one change is made to it: a change names only the fields it sets, where a constructor
     * call per change would repeat all 34 in order.
     */
    private static final class Draft {
        private final String invoiceId;
        private String supplierId;
        private String supplierInvoiceNumber;
        private LocalDate invoiceDate;
        private String purchaseOrderId;
        private String legalEntity;
        private String region;
        private String queue;
        private String routedTo;
        private String submittedBy;
        private String currency;
        private BigDecimal netAmount;
        private BigDecimal taxAmount;
        private BigDecimal grossAmount;
        private MatchStatus matchStatus;
        private String lineMatches;
        private BigDecimal varianceAmount;
        private TaxStatus taxStatus;
        private String taxRegime;
        private String taxReasonCodes;
        private InvoiceErpStatus erpStatus;
        private String erpDocumentNumber;
        private String fiscalPeriod;
        private String erpRejectionReason;
        private boolean postingControlViolation;
        private BigDecimal amountScheduled;
        private BigDecimal amountPaid;
        private boolean overpaid;
        private int paymentsExecuted;
        private int paymentsAwaitingConfirmation;
        private Set<ExceptionKind> openExceptions;
        private Instant lastBusinessTime;
        private Instant lastRecordedAt;
        private long eventCount;

        private Draft(InvoiceViewState state) {
            invoiceId = state.invoiceId;
            supplierId = state.supplierId;
            supplierInvoiceNumber = state.supplierInvoiceNumber;
            invoiceDate = state.invoiceDate;
            purchaseOrderId = state.purchaseOrderId;
            legalEntity = state.legalEntity;
            region = state.region;
            queue = state.queue;
            routedTo = state.routedTo;
            submittedBy = state.submittedBy;
            currency = state.currency;
            netAmount = state.netAmount;
            taxAmount = state.taxAmount;
            grossAmount = state.grossAmount;
            matchStatus = state.matchStatus;
            lineMatches = state.lineMatches;
            varianceAmount = state.varianceAmount;
            taxStatus = state.taxStatus;
            taxRegime = state.taxRegime;
            taxReasonCodes = state.taxReasonCodes;
            erpStatus = state.erpStatus;
            erpDocumentNumber = state.erpDocumentNumber;
            fiscalPeriod = state.fiscalPeriod;
            erpRejectionReason = state.erpRejectionReason;
            postingControlViolation = state.postingControlViolation;
            amountScheduled = state.amountScheduled;
            amountPaid = state.amountPaid;
            overpaid = state.overpaid;
            paymentsExecuted = state.paymentsExecuted;
            paymentsAwaitingConfirmation = state.paymentsAwaitingConfirmation;
            openExceptions = state.openExceptions;
            lastBusinessTime = state.lastBusinessTime;
            lastRecordedAt = state.lastRecordedAt;
            eventCount = state.eventCount;
        }

        private InvoiceViewState done() {
            return new InvoiceViewState(invoiceId, supplierId, supplierInvoiceNumber, invoiceDate, purchaseOrderId,
                    legalEntity, region, queue, routedTo, submittedBy, currency, netAmount, taxAmount, grossAmount,
                    matchStatus, lineMatches, varianceAmount, taxStatus, taxRegime, taxReasonCodes, erpStatus,
                    erpDocumentNumber, fiscalPeriod, erpRejectionReason, postingControlViolation, amountScheduled,
                    amountPaid, overpaid, paymentsExecuted, paymentsAwaitingConfirmation, openExceptions,
                    lastBusinessTime, lastRecordedAt, eventCount);
        }
    }
}
