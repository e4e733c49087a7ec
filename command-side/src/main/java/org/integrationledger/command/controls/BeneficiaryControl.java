package org.integrationledger.command.controls;

import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.model.shared.SystemId;
import org.integrationledger.model.supplier.ProtectedBankAccount;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule: treasury pays the bank account of the supplier's golden record in force at the payment's business time,
 * compared by fingerprint. A change approved after the payment does not count; one approved before it that the
 * paying ERP had not yet acknowledged still counts, and is named, since that is how an old account gets paid. A
 * payment to the right account within the review window after a bank-account change is flagged for review: the
 * common fraud pattern is a changed account and then a payment. A supplier without a golden-record account at
 * that time is not judged.
 */
public class BeneficiaryControl {

    private final Duration reviewWindow;

    public BeneficiaryControl(ControlProperties properties) {
        this.reviewWindow = properties.bankChangeReviewWindow();
    }

    /** What the control found about one payment; {@code kind} is absent when the payment passed. */
    public record Finding(ControlKind kind, SupplierControlFacts.BankAccount inForce, SystemId notYetAcknowledgedBy,
                          String detail) {
    }

    public Optional<Finding> judge(SupplierControlFacts facts, SupplierId supplier, ProtectedBankAccount paid,
                                   Instant paidAt, SystemId payingErp) {
        Optional<SupplierControlFacts.BankAccount> found = facts.bankAccountAt(supplier, paidAt);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SupplierControlFacts.BankAccount inForce = found.get();
        SystemId unacknowledged = inForce.changed() && payingErp != null
                && !inForce.owner().equals(payingErp)
                && !facts.acknowledged(supplier, payingErp, inForce.version(), paidAt) ? payingErp : null;
        String goldenRecord = "the golden record's account in force (version " + inForce.version() + ", "
                + (inForce.changed() ? "approved " : "created ") + inForce.approvedAt() + ") is "
                + inForce.account().masked()
                + (unacknowledged == null ? "" : "; " + unacknowledged + ", the paying ERP, had not yet acknowledged"
                + " version " + inForce.version());
        if (paid == null) {
            return Optional.of(new Finding(ControlKind.BENEFICIARY_NOT_REPORTED, inForce, unacknowledged,
                    "treasury did not report the account it paid; " + goldenRecord));
        }
        if (!inForce.account().sameAccountAs(paid)) {
            return Optional.of(new Finding(ControlKind.PAYMENT_TO_OTHER_ACCOUNT, inForce, unacknowledged,
                    "paid to " + paid.masked() + ", but " + goldenRecord));
        }
        if (inForce.changed() && inForce.approvedAt().isAfter(paidAt.minus(reviewWindow))) {
            return Optional.of(new Finding(ControlKind.RECENT_BANK_ACCOUNT_CHANGE, inForce, unacknowledged,
                    "paid to the golden record's account " + paid.masked() + ", changed " + inForce.approvedAt()
                            + " (version " + inForce.version() + "), within " + reviewWindow.toDays()
                            + " days before the payment"
                            + (unacknowledged == null ? "" : "; " + unacknowledged + ", the paying ERP, had not yet"
                            + " acknowledged version " + inForce.version())));
        }
        return Optional.empty();
    }
}
