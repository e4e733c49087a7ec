package org.integrationledger.model.accrual;

import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.CurrencyCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.Money;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One purchase-order line's GR/IR position at a period end, in the order's currency: what was ordered, received,
 * invoiced (of it matched), and paid, each as quantity and amount, the systems that reported receipts and
 * invoices, and {@code openAmount} (received minus invoiced amount; positive on a received-not-invoiced line).
 * {@code erpVersion} is the latest order version the routed ERP acknowledged (null if none).
 */
public record AccrualLine(
        PurchaseOrderId purchaseOrderId,
        int lineNumber,
        LegalEntityId legalEntity,
        SupplierId supplier,
        CurrencyCode currency,
        AccrualSide side,
        String unitOfMeasure,
        BigDecimal orderedQuantity,
        BigDecimal receivedQuantity,
        BigDecimal invoicedQuantity,
        BigDecimal matchedQuantity,
        BigDecimal paidQuantity,
        Money orderedAmount,
        Money receivedAmount,
        Money invoicedAmount,
        Money matchedAmount,
        Money paidAmount,
        Money openAmount,
        int orderVersion,
        Integer erpVersion,
        List<SystemId> receivedFrom,
        List<SystemId> invoicedFrom,
        Instant lastBusinessTime,
        Instant lastRecordedAt,
        List<LineVariance> variances) {

    public AccrualLine {
        receivedFrom = List.copyOf(receivedFrom);
        invoicedFrom = List.copyOf(invoicedFrom);
        variances = List.copyOf(variances);
    }
}
