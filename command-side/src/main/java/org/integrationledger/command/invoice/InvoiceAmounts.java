package org.integrationledger.command.invoice;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.invoice.InvoiceLine;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.Money;

import java.util.List;

/** Rule: an invoice is internally consistent: one currency, lines add up to net, net plus tax is gross. */
final class InvoiceAmounts {

    private InvoiceAmounts() {
    }

    static void check(List<InvoiceLine> lines, Money net, Money tax, Money gross) {
        for (Money amount : List.of(tax, gross)) {
            if (!amount.currency().equals(net.currency())) {
                throw new RuleViolation(ErrorCode.CURRENCY_MISMATCH, "net is in " + net.currency() + ", but an "
                        + "amount is in " + amount.currency());
            }
        }
        Money sum = Money.zero(net.currency());
        for (InvoiceLine line : lines) {
            if (!line.unitPrice().currency().equals(net.currency())) {
                throw new RuleViolation(ErrorCode.CURRENCY_MISMATCH, "line " + line.lineNumber() + " is priced in "
                        + line.unitPrice().currency() + ", the invoice is in " + net.currency());
            }
            sum = sum.plus(line.amount());
        }
        if (!sum.equals(net)) {
            throw new RuleViolation(ErrorCode.TOTAL_MISMATCH, "the lines add up to " + sum + ", net is " + net);
        }
        if (!net.plus(tax).equals(gross)) {
            throw new RuleViolation(ErrorCode.TOTAL_MISMATCH, "net " + net + " plus tax " + tax + " is not gross "
                    + gross);
        }
    }
}
