package org.integrationledger.command.invoice;

import org.integrationledger.command.routing.LegalEntityCurrencies;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ReceiveInvoice;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule: an invoice that does not fit its purchase order at all is a fact of the supplier's and the ERP's world, so
 * it is recorded, not matched, and gets one exception per misfit in its regional queue: billed by another supplier
 * than the order's ({@code SUPPLIER_MISMATCH}: a supplier billing another's order, a factoring or a merger nobody
 * told procurement of, or a fraud), or in another currency ({@code CURRENCY_MISMATCH}). An approver's override
 * accepts it as billed. An invoice in its order's currency must still be in one its legal entity books in
 * (configuration, refused otherwise).
 */
final class OrderConformity {

    private OrderConformity() {
    }

    /** Why the invoice cannot be matched against its order, and in what words. */
    record Misfit(ExceptionKind kind, String detail) {
    }

    static List<Misfit> misfits(ReceiveInvoice invoice, PurchaseOrderFacts.Order order,
                                LegalEntityCurrencies currencies) {
        List<Misfit> misfits = new ArrayList<>();
        if (!order.supplier().equals(invoice.supplier())) {
            misfits.add(new Misfit(ExceptionKind.SUPPLIER_MISMATCH, "purchase order " + order.purchaseOrderId()
                    + " was issued to supplier " + order.supplier() + ", the invoice is from " + invoice.supplier()));
        }
        var currency = invoice.gross().currency();
        if (!order.currency().equals(currency)) {
            misfits.add(new Misfit(ExceptionKind.CURRENCY_MISMATCH, "purchase order " + order.purchaseOrderId()
                    + " is in " + order.currency() + ", the invoice in " + currency
                    + (currencies.allows(order.legalEntity(), currency) ? ""
                    : "; legal entity " + order.legalEntity() + " does not book in " + currency)));
        } else {
            // An order issued before its legal entity's currencies were enforced cannot carry an invoice either.
            currencies.requireAllowed(order.legalEntity(), currency);
        }
        return misfits;
    }
}
