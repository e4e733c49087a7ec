package org.integrationledger.model.invoice;

import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice in every system: received from procurement, its match per line, its tax status in the tax
 * engine, its posting in the routed ERP (with a flag when the posting broke the posting control), its payments in
 * treasury against the gross amount, and whether procurement acknowledged every payment confirmation.
 */
public record InvoiceSummary(
        InvoiceId invoiceId,
        SupplierId supplier,
        SupplierInvoiceNumber supplierInvoiceNumber,
        LocalDate invoiceDate,
        PurchaseOrderId purchaseOrderId,
        LegalEntityId legalEntity,
        String region,
        String queue,
        SystemId routedTo,
        String submittedBy,
        Money net,
        Money tax,
        Money gross,
        MatchStatus matchStatus,
        List<LineMatch> lineMatches,
        Money varianceAmount,
        TaxStatus taxStatus,
        String taxRegime,
        List<String> taxReasonCodes,
        InvoiceErpStatus erpStatus,
        String erpDocumentNumber,
        String fiscalPeriod,
        String erpRejectionReason,
        boolean postingControlViolation,
        PaymentStatus paymentStatus,
        Money amountScheduled,
        Money amountPaid,
        boolean overpaid,
        ConfirmationStatus confirmationStatus,
        int paymentsAwaitingConfirmation,
        List<ExceptionKind> openExceptions,
        Instant lastBusinessTime,
        Instant lastRecordedAt,
        long eventCount) {

    public InvoiceSummary {
        lineMatches = List.copyOf(lineMatches);
        taxReasonCodes = List.copyOf(taxReasonCodes);
        openExceptions = List.copyOf(openExceptions);
    }
}
