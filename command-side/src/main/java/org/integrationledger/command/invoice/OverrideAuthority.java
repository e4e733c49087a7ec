package org.integrationledger.command.invoice;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;

import java.util.List;
import java.util.Locale;

/**
 * Rule: an invoice exception is overridden only by an approver listed for its work queue, and never by the
 * person who submitted the invoice (four eyes).
 */
public class OverrideAuthority {

    private final InvoiceProperties properties;

    public OverrideAuthority(InvoiceProperties properties) {
        this.properties = properties;
    }

    void check(String queue, String approver, String submitter) {
        // Case and surrounding spaces must not turn one person into two, or let an unlisted one pass.
        String who = canonical(approver);
        if (who.equals(canonical(submitter))) {
            throw new RuleViolation(ErrorCode.APPROVER_IS_SUBMITTER, approver + " submitted this invoice and cannot "
                    + "also override its exceptions; another approver of queue " + queue + " must");
        }
        InvoiceProperties.QueueSettings settings = properties.queues().get(queue);
        List<String> approvers = settings == null ? List.of() : settings.approvers();
        if (approvers.stream().map(OverrideAuthority::canonical).noneMatch(who::equals)) {
            throw new RuleViolation(ErrorCode.APPROVER_NOT_AUTHORISED, approver + " is not an approver of queue "
                    + queue + " (ledger.invoice.queues." + queue + ".approvers)");
        }
    }

    private static String canonical(String person) {
        return person.strip().toLowerCase(Locale.ROOT);
    }
}
