package org.integrationledger.query.accrual;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fact about one purchase-order line, on both time axes: {@code occurredAt} is business time (the reporting
 * system's), {@code recordedAt} the ledger's event timestamp. Order-level columns (legal entity, supplier, order
 * currency, routed ERP) are copied onto every fact so a report filters rows without joining. Quantity and amount
 * are deltas that add up per line and kind; {@code factCurrency} is the currency of {@code amount}, which only an
 * invoice in another currency makes differ from {@code currency}. The key is the event's id and the fact's place
 * among the event's facts, so an event delivered again writes nothing.
 */
record AccrualFact(
        String eventId,
        int ordinal,
        String purchaseOrderId,
        int lineNumber,
        FactKind kind,
        String legalEntity,
        String supplierId,
        String currency,
        String routedTo,
        String sourceSystem,
        BigDecimal quantity,
        String unitOfMeasure,
        BigDecimal amount,
        String factCurrency,
        BigDecimal unitPrice,
        int orderVersion,
        String invoiceId,
        String reference,
        boolean goodsReceiptRequired,
        Instant occurredAt,
        Instant recordedAt) implements Serializable {
}
