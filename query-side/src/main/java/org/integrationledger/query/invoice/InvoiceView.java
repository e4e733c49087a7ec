package org.integrationledger.query.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Row of {@code invoice_view}: one invoice in procurement, tax engine, ERP and treasury. */
@Entity
@Table(name = "invoice_view")
class InvoiceView implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "supplier_id")
    private String supplierId;
    @Column(name = "supplier_invoice_number")
    private String supplierInvoiceNumber;
    @Column(name = "invoice_date")
    private LocalDate invoiceDate;
    @Column(name = "purchase_order_id")
    private String purchaseOrderId;
    @Column(name = "legal_entity")
    private String legalEntity;
    @Column(name = "region")
    private String region;
    @Column(name = "queue")
    private String queue;
    @Column(name = "routed_to")
    private String routedTo;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "currency")
    private String currency;
    @Column(name = "net_amount")
    private BigDecimal netAmount;
    @Column(name = "tax_amount")
    private BigDecimal taxAmount;
    @Column(name = "gross_amount")
    private BigDecimal grossAmount;
    @Enumerated(EnumType.STRING)
    @Column(name = "match_status")
    private MatchStatus matchStatus;
    @Column(name = "line_matches")
    private String lineMatches;
    @Column(name = "variance_amount")
    private BigDecimal varianceAmount;
    @Enumerated(EnumType.STRING)
    @Column(name = "tax_status", nullable = false)
    private TaxStatus taxStatus = TaxStatus.PENDING;
    @Column(name = "tax_regime")
    private String taxRegime;
    @Column(name = "tax_reason_codes")
    private String taxReasonCodes;
    @Enumerated(EnumType.STRING)
    @Column(name = "erp_status", nullable = false)
    private InvoiceErpStatus erpStatus = InvoiceErpStatus.NOT_POSTED;
    @Column(name = "erp_document_number")
    private String erpDocumentNumber;
    @Column(name = "fiscal_period")
    private String fiscalPeriod;
    @Column(name = "erp_rejection_reason")
    private String erpRejectionReason;
    @Column(name = "posting_control_violation", nullable = false)
    private boolean postingControlViolation;
    @Column(name = "amount_scheduled", nullable = false)
    private BigDecimal amountScheduled = BigDecimal.ZERO;
    @Column(name = "amount_paid", nullable = false)
    private BigDecimal amountPaid = BigDecimal.ZERO;
    @Column(name = "overpaid", nullable = false)
    private boolean overpaid;
    @Column(name = "payments_executed", nullable = false)
    private int paymentsExecuted;
    @Column(name = "payments_awaiting_confirmation", nullable = false)
    private int paymentsAwaitingConfirmation;
    @Column(name = "open_exceptions", nullable = false)
    private String openExceptions = "";
    @Column(name = "last_business_time", nullable = false)
    private Instant lastBusinessTime;
    @Column(name = "last_recorded_at", nullable = false)
    private Instant lastRecordedAt;
    @Column(name = "event_count", nullable = false)
    private long eventCount;

    protected InvoiceView() {
    }

    InvoiceView(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    void received(InvoiceReceived event) {
        supplierId = event.supplier().value();
        supplierInvoiceNumber = event.supplierInvoiceNumber().value();
        invoiceDate = event.invoiceDate();
        purchaseOrderId = event.purchaseOrderId().value();
        legalEntity = event.legalEntity().value();
        region = event.region();
        queue = event.queue();
        routedTo = event.routedTo().value();
        submittedBy = event.submittedBy();
        currency = event.gross().currency().value();
        netAmount = event.net().amount();
        taxAmount = event.tax().amount();
        grossAmount = event.gross().amount();
        taxRegime = event.taxRegime();
    }

    void matched(MatchStatus status, String lines, BigDecimal variance) {
        matchStatus = status;
        lineMatches = lines;
        varianceAmount = variance;
    }

    void overridden(ExceptionKind kind) {
        if (kind.overrideAcceptsMatch()) {
            matchStatus = MatchStatus.OVERRIDDEN;
        } else if (kind == ExceptionKind.TAX_FAILURE) {
            taxStatus = TaxStatus.OVERRIDDEN;
        }
    }

    void tax(TaxStatus status, List<String> reasonCodes) {
        taxStatus = status;
        taxReasonCodes = reasonCodes.isEmpty() ? null : String.join(",", reasonCodes);
    }

    void exceptionOpened(ExceptionKind kind) {
        Set<ExceptionKind> open = openKinds();
        open.add(kind);
        openExceptions = encode(open);
    }

    void exceptionClosed(ExceptionKind kind) {
        Set<ExceptionKind> open = openKinds();
        open.remove(kind);
        openExceptions = encode(open);
    }

    void posted(String documentNumber, String period) {
        erpStatus = InvoiceErpStatus.POSTED;
        erpDocumentNumber = documentNumber;
        fiscalPeriod = period;
        erpRejectionReason = null;
    }

    void postingControlViolated() {
        postingControlViolation = true;
    }

    void postingRejected(String reason) {
        erpStatus = InvoiceErpStatus.REJECTED;
        erpRejectionReason = reason;
    }

    void paymentScheduled(BigDecimal amount) {
        amountScheduled = amountScheduled.add(amount);
    }

    void paymentExecuted(BigDecimal totalPaid) {
        amountPaid = totalPaid;
        paymentsExecuted++;
        paymentsAwaitingConfirmation++;
    }

    void overpaymentFlagged() {
        overpaid = true;
    }

    void confirmationAcknowledged() {
        paymentsAwaitingConfirmation--;
    }

    void touched(Instant occurredAt, Instant recordedAt) {
        if (lastBusinessTime == null || occurredAt.isAfter(lastBusinessTime)) {
            lastBusinessTime = occurredAt;
        }
        lastRecordedAt = recordedAt;
        eventCount++;
    }

    String invoiceId() {
        return invoiceId;
    }

    String supplierId() {
        return supplierId;
    }

    private Set<ExceptionKind> openKinds() {
        Set<ExceptionKind> open = EnumSet.noneOf(ExceptionKind.class);
        if (!openExceptions.isEmpty()) {
            Arrays.stream(openExceptions.split(",")).map(ExceptionKind::valueOf).forEach(open::add);
        }
        return open;
    }

    private static String encode(Set<ExceptionKind> open) {
        // EnumSet iterates in declaration order, so one set has one text.
        return open.stream().map(Enum::name).collect(Collectors.joining(","));
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

    /** The row as one line of text for checksums of the table: decimals without trailing zeros. */
    String canonicalLine() {
        return String.join("|", invoiceId, supplierId, supplierInvoiceNumber, String.valueOf(invoiceDate),
                purchaseOrderId, legalEntity, region, queue, routedTo, submittedBy, currency, decimal(netAmount),
                decimal(taxAmount), decimal(grossAmount), String.valueOf(matchStatus), String.valueOf(lineMatches),
                decimal(varianceAmount), taxStatus.name(), taxRegime, String.valueOf(taxReasonCodes), erpStatus.name(),
                String.valueOf(erpDocumentNumber), String.valueOf(fiscalPeriod), String.valueOf(erpRejectionReason),
                String.valueOf(postingControlViolation), decimal(amountScheduled), decimal(amountPaid),
                String.valueOf(overpaid), String.valueOf(paymentsExecuted),
                String.valueOf(paymentsAwaitingConfirmation), openExceptions, String.valueOf(lastBusinessTime),
                String.valueOf(lastRecordedAt), String.valueOf(eventCount));
    }

    static String decimal(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    /** Procurement's fields are null while the invoice is known only from an early ERP report. */
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
                List.copyOf(openKinds()),
                lastBusinessTime,
                lastRecordedAt,
                eventCount);
    }
}
