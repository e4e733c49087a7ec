package org.integrationledger.query.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.integrationledger.model.invoice.InvoiceErpStatus;
import org.integrationledger.model.invoice.MatchStatus;
import org.integrationledger.model.invoice.TaxStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Row of {@code invoice_view}: one invoice in procurement, tax engine, ERP and treasury, stored as {@link InvoiceFold}
 * left it ({@link InvoiceViewState}); the rules are in the fold, not here.
 */
@Entity
@Table(name = "invoice_view")
class InvoiceView {

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
    private TaxStatus taxStatus;
    @Column(name = "tax_regime")
    private String taxRegime;
    @Column(name = "tax_reason_codes")
    private String taxReasonCodes;
    @Enumerated(EnumType.STRING)
    @Column(name = "erp_status", nullable = false)
    private InvoiceErpStatus erpStatus;
    @Column(name = "erp_document_number")
    private String erpDocumentNumber;
    @Column(name = "fiscal_period")
    private String fiscalPeriod;
    @Column(name = "erp_rejection_reason")
    private String erpRejectionReason;
    @Column(name = "posting_control_violation", nullable = false)
    private boolean postingControlViolation;
    @Column(name = "amount_scheduled", nullable = false)
    private BigDecimal amountScheduled;
    @Column(name = "amount_paid", nullable = false)
    private BigDecimal amountPaid;
    @Column(name = "overpaid", nullable = false)
    private boolean overpaid;
    @Column(name = "payments_executed", nullable = false)
    private int paymentsExecuted;
    @Column(name = "payments_awaiting_confirmation", nullable = false)
    private int paymentsAwaitingConfirmation;
    @Column(name = "open_exceptions", nullable = false)
    private String openExceptions;
    @Column(name = "last_business_time", nullable = false)
    private Instant lastBusinessTime;
    @Column(name = "last_recorded_at", nullable = false)
    private Instant lastRecordedAt;
    @Column(name = "event_count", nullable = false)
    private long eventCount;

    protected InvoiceView() {
    }

    InvoiceView(InvoiceViewState state) {
        this.invoiceId = state.invoiceId();
        write(state);
    }

    /** The row as the fold's state. */
    InvoiceViewState state() {
        return new InvoiceViewState(invoiceId, supplierId, supplierInvoiceNumber, invoiceDate, purchaseOrderId,
                legalEntity, region, queue, routedTo, submittedBy, currency, netAmount, taxAmount, grossAmount,
                matchStatus, lineMatches, varianceAmount, taxStatus, taxRegime, taxReasonCodes, erpStatus,
                erpDocumentNumber, fiscalPeriod, erpRejectionReason, postingControlViolation, amountScheduled,
                amountPaid, overpaid, paymentsExecuted, paymentsAwaitingConfirmation,
                InvoiceViewState.openExceptions(openExceptions), lastBusinessTime, lastRecordedAt, eventCount);
    }

    /** Takes the fold's new state; a managed row is then written when the processor's batch commits. */
    void write(InvoiceViewState state) {
        supplierId = state.supplierId();
        supplierInvoiceNumber = state.supplierInvoiceNumber();
        invoiceDate = state.invoiceDate();
        purchaseOrderId = state.purchaseOrderId();
        legalEntity = state.legalEntity();
        region = state.region();
        queue = state.queue();
        routedTo = state.routedTo();
        submittedBy = state.submittedBy();
        currency = state.currency();
        netAmount = state.netAmount();
        taxAmount = state.taxAmount();
        grossAmount = state.grossAmount();
        matchStatus = state.matchStatus();
        lineMatches = state.lineMatches();
        varianceAmount = state.varianceAmount();
        taxStatus = state.taxStatus();
        taxRegime = state.taxRegime();
        taxReasonCodes = state.taxReasonCodes();
        erpStatus = state.erpStatus();
        erpDocumentNumber = state.erpDocumentNumber();
        fiscalPeriod = state.fiscalPeriod();
        erpRejectionReason = state.erpRejectionReason();
        postingControlViolation = state.postingControlViolation();
        amountScheduled = state.amountScheduled();
        amountPaid = state.amountPaid();
        overpaid = state.overpaid();
        paymentsExecuted = state.paymentsExecuted();
        paymentsAwaitingConfirmation = state.paymentsAwaitingConfirmation();
        openExceptions = state.openExceptionsText();
        lastBusinessTime = state.lastBusinessTime();
        lastRecordedAt = state.lastRecordedAt();
        eventCount = state.eventCount();
    }
}
