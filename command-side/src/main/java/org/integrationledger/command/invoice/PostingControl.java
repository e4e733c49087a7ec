package org.integrationledger.command.invoice;

import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.MatchStatus;

import java.util.Set;

/**
 * Rule: only an invoice that matched (or whose variance an approver overrode) and has no open exception other
 * than a posting failure may be posted. The ledger cannot stop an ERP from posting; it records a posting that
 * breaks this rule as a control violation.
 */
final class PostingControl {

    private PostingControl() {
    }

    static boolean mayBePosted(MatchStatus matchStatus, Set<ExceptionKind> openExceptions) {
        boolean matched = matchStatus == MatchStatus.MATCHED || matchStatus == MatchStatus.OVERRIDDEN;
        return matched && openExceptions.stream().allMatch(kind -> kind == ExceptionKind.POSTING_FAILURE);
    }
}
