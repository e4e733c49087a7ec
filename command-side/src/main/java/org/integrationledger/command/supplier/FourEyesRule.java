package org.integrationledger.command.supplier;

import org.integrationledger.command.outcome.RuleViolation;
import org.integrationledger.model.shared.ErrorCode;

import java.util.Locale;

/** Rule: a bank-account change takes effect only when a second, different person approves it. */
final class FourEyesRule {

    private FourEyesRule() {
    }

    static void check(String proposedBy, String approvedBy) {
        // Case and surrounding spaces must not turn one person into two.
        if (proposedBy.strip().toLowerCase(Locale.ROOT).equals(approvedBy.strip().toLowerCase(Locale.ROOT))) {
            throw new RuleViolation(ErrorCode.FOUR_EYES_REQUIRED, approvedBy + " proposed this bank-account change "
                    + "and cannot also approve it; a second person must");
        }
    }
}
