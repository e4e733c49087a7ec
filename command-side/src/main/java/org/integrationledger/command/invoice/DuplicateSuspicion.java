package org.integrationledger.command.invoice;

import org.integrationledger.model.shared.Money;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Rule: an invoice with another number but the same supplier and gross amount, dated within the configured
 * window of an earlier one, is probably the same bill sent twice: accepted, but held as a suspected duplicate.
 */
public class DuplicateSuspicion {

    private final Duration window;

    public DuplicateSuspicion(InvoiceProperties properties) {
        this.window = properties.duplicateSuspicionWindow();
    }

    List<InvoiceNumberClaims.ClaimedInvoice> suspects(List<InvoiceNumberClaims.ClaimedInvoice> sameGross,
                                                       LocalDate invoiceDate, Money gross) {
        long days = window.toDays();
        return sameGross.stream()
                .filter(other -> other.gross().equals(gross))
                .filter(other -> Math.abs(ChronoUnit.DAYS.between(other.invoiceDate(), invoiceDate)) <= days)
                .toList();
    }
}
