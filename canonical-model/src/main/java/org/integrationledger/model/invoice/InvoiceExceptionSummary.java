package org.integrationledger.model.invoice;

import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;

import java.time.Instant;

/**
 * One invoice exception with its business context. {@code ageSeconds} runs from the business time it was
 * raised to its resolution, or to the time of the query while it is open.
 */
public record InvoiceExceptionSummary(
        String exceptionId,
        InvoiceId invoiceId,
        int exceptionNumber,
        ExceptionKind kind,
        ExceptionStatus status,
        String queue,
        String region,
        LegalEntityId legalEntity,
        SupplierId supplier,
        PurchaseOrderId purchaseOrderId,
        Money gross,
        Money varianceAmount,
        String detail,
        Instant raisedAt,
        long ageSeconds,
        Instant resolvedAt,
        ExceptionResolution resolution,
        String resolvedBy,
        String resolutionReason) {
}
