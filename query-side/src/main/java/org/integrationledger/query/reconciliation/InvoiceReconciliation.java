package org.integrationledger.query.reconciliation;

import org.integrationledger.model.controls.ControlKind;
import org.integrationledger.model.invoice.ExceptionResolution;
import org.integrationledger.model.invoice.InvoiceControlViolated;
import org.integrationledger.model.invoice.InvoiceEvent;
import org.integrationledger.model.invoice.InvoiceExceptionResolved;
import org.integrationledger.model.invoice.InvoiceMatchVarianceFound;
import org.integrationledger.model.invoice.InvoiceMatched;
import org.integrationledger.model.invoice.InvoiceOverpaymentFlagged;
import org.integrationledger.model.invoice.InvoicePaymentExecuted;
import org.integrationledger.model.invoice.InvoicePaymentScheduled;
import org.integrationledger.model.invoice.InvoicePostedInErp;
import org.integrationledger.model.invoice.InvoicePostingControlViolated;
import org.integrationledger.model.invoice.InvoicePostingRejected;
import org.integrationledger.model.invoice.InvoiceReceived;
import org.integrationledger.model.invoice.InvoiceTaxValidated;
import org.integrationledger.model.invoice.InvoiceTaxValidationFailed;
import org.integrationledger.model.invoice.PaymentConfirmationAcknowledged;
import org.integrationledger.model.invoice.PaymentConfirmationDelivered;
import org.integrationledger.model.reconciliation.Divergence;
import org.integrationledger.model.reconciliation.DocumentStatus;
import org.integrationledger.model.reconciliation.PositionState;
import org.integrationledger.model.reconciliation.PositionStatus;
import org.integrationledger.model.reconciliation.SystemRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the reconciliation view for invoices and their payments. An invoice: procurement is the source, the
 * tax engine validates it, the ERP it is routed to posts it, treasury pays it. A payment: treasury executed it and
 * procurement must acknowledge the confirmation (question 4).
 */
final class InvoiceReconciliation {

    private InvoiceReconciliation() {
    }

    /** The payment document of a payment event: one per invoice and payment reference. */
    static String paymentId(InvoiceEvent event, String paymentReference) {
        return event.invoiceId().value() + ":" + paymentReference;
    }

    static void applyToInvoice(DocumentState invoice, InvoiceEvent event, Instant recordedAt) {
        invoice.touched(event.occurredAt(), recordedAt);
        if (event.legalEntity() != null) {
            invoice.legalEntity = event.legalEntity().value();
        }
        String system = event.reportingSystem().value();
        if (event instanceof InvoiceReceived received) {
            invoice.sourceKnown = true;
            invoice.sourceSystem = system;
            invoice.status = invoice.status == null ? DocumentStatus.RECEIVED : invoice.status;
            invoice.businessKey = received.supplierInvoiceNumber().toString();
            invoice.parentKey = received.purchaseOrderId().value();
            invoice.supplierId = received.supplier().value();
            invoice.routedTo = received.routedTo().value();
            invoice.region = received.region();
            invoice.amount = received.gross().amount();
            invoice.currency = received.gross().currency().value();
            invoice.sourceReportedAt = received.occurredAt();
            invoice.currentVersion = 1;
            SystemRow source = row(invoice, system, SystemRole.SOURCE, event, recordedAt);
            source.state = PositionState.RECEIVED;
            source.version = 1;
            source.reference = received.supplierInvoiceNumber().toString();
            source.amount = received.gross().amount();
            source.currency = received.gross().currency().value();
        } else if (event instanceof InvoiceMatched) {
            invoice.status = DocumentStatus.MATCHED;
            clearControlViolations(invoice);
        } else if (event instanceof InvoiceMatchVarianceFound) {
            invoice.status = DocumentStatus.MATCH_VARIANCE;
        } else if (event instanceof InvoiceExceptionResolved resolved) {
            if (resolved.resolution() == ExceptionResolution.OVERRIDE) {
                invoice.status = DocumentStatus.OVERRIDDEN;
                clearControlViolations(invoice);
            }
        } else if (event instanceof InvoiceTaxValidated validated) {
            SystemRow tax = row(invoice, system, SystemRole.TAX, event, recordedAt);
            tax.state = PositionState.VALIDATED;
            tax.version = 1;
            tax.rejectedVersion = null;
            tax.reference = validated.taxRegime();
        } else if (event instanceof InvoiceTaxValidationFailed failed) {
            SystemRow tax = row(invoice, system, SystemRole.TAX, event, recordedAt);
            tax.state = PositionState.FAILED;
            tax.version = null;
            tax.rejectedVersion = 1;
            tax.reference = String.join(",", failed.reasonCodes());
        } else if (event instanceof InvoicePostedInErp posted) {
            SystemRow erp = row(invoice, system, role(invoice, system), event, recordedAt);
            erp.state = PositionState.POSTED;
            erp.version = 1;
            erp.reference = posted.erpDocumentNumber();
            erp.status = erp.status == PositionStatus.POSTED_UNMATCHED ? erp.status : PositionStatus.OPEN;
        } else if (event instanceof InvoicePostingControlViolated violated) {
            SystemRow erp = row(invoice, system, role(invoice, system), event, recordedAt);
            erp.status = PositionStatus.POSTED_UNMATCHED;
            erp.reference = violated.erpDocumentNumber();
        } else if (event instanceof InvoicePostingRejected rejected) {
            SystemRow erp = row(invoice, system, role(invoice, system), event, recordedAt);
            erp.state = PositionState.REJECTED;
            erp.rejectedVersion = 1;
            erp.version = null;
            erp.reference = erp.reference == null ? rejected.reasonCode() : erp.reference;
        } else if (event instanceof InvoicePaymentExecuted executed) {
            SystemRow treasury = row(invoice, system, SystemRole.TREASURY, event, recordedAt);
            treasury.state = PositionState.PAID;
            treasury.reference = executed.paymentReference();
            treasury.amount = executed.totalPaid().amount();
            treasury.currency = executed.totalPaid().currency().value();
        } else if (event instanceof InvoicePaymentScheduled scheduled && Boolean.TRUE.equals(scheduled.notTheRoutedErp())) {
            // An ERP other than the routed one scheduled a payment: it is on the invoice, flagged WRONG_SYSTEM.
            SystemRow erp = row(invoice, system, SystemRole.OTHER, event, recordedAt);
            if (erp.state == null) {
                erp.state = PositionState.PAYMENT_SCHEDULED;
                erp.reference = scheduled.paymentReference();
            }
        } else if (event instanceof InvoiceOverpaymentFlagged overpaid) {
            SystemRow treasury = row(invoice, system, SystemRole.TREASURY, event, recordedAt);
            treasury.amount = overpaid.totalPaid().amount();
            treasury.currency = overpaid.totalPaid().currency().value();
            treasury.status = PositionStatus.OVERPAID;
        } else if (event instanceof InvoiceControlViolated violated) {
            controlViolated(invoice, violated, recordedAt);
        }
        // Other schedules, stale rejections, exceptions raised and confirmations change no system's position here:
        // exceptions have their own queue, confirmations are the payment's document.
    }

    static void applyToPayment(DocumentState payment, InvoiceEvent event, Instant recordedAt, DocumentState invoice) {
        payment.touched(event.occurredAt(), recordedAt);
        payment.parentKey = event.invoiceId().value();
        if (event.legalEntity() != null) {
            payment.legalEntity = event.legalEntity().value();
        }
        if (invoice != null && invoice.region != null) {
            payment.region = invoice.region;
        }
        String system = event.reportingSystem().value();
        if (event instanceof InvoicePaymentExecuted executed) {
            payment.sourceKnown = true;
            payment.sourceSystem = system;
            payment.status = DocumentStatus.EXECUTED;
            payment.businessKey = executed.paymentReference();
            payment.supplierId = executed.supplier().value();
            payment.amount = executed.amount().amount();
            payment.currency = executed.amount().currency().value();
            payment.sourceReportedAt = executed.occurredAt();
            payment.currentVersion = 1;
            SystemRow source = row(payment, system, SystemRole.SOURCE, event, recordedAt);
            source.state = PositionState.EXECUTED;
            source.version = 1;
            source.reference = executed.paymentReference();
            source.amount = executed.amount().amount();
            source.currency = executed.amount().currency().value();
            // Procurement must acknowledge the confirmation; it is expected from the execution on.
            SystemRow procurement = payment.systems.values().stream()
                    .filter(row -> row.role == SystemRole.CONFIRMATION).findFirst().orElse(null);
            if (procurement == null) {
                procurement = payment.system("PROCUREMENT");
                procurement.role = SystemRole.CONFIRMATION;
                procurement.state = PositionState.PENDING;
                procurement.pendingSince = executed.occurredAt();
            }
        } else if (event instanceof PaymentConfirmationDelivered delivered) {
            if (Boolean.TRUE.equals(delivered.notTheRoutedErp())) {
                SystemRow erp = row(payment, system, SystemRole.OTHER, event, recordedAt);
                erp.state = PositionState.DELIVERED;
                erp.reference = delivered.paymentReference();
            }
            SystemRow procurement = confirmation(payment, event, recordedAt);
            if (procurement.version == null) {
                procurement.state = PositionState.DELIVERED;
            }
            procurement.reference = delivered.paymentReference();
        } else if (event instanceof PaymentConfirmationAcknowledged acknowledged) {
            SystemRow procurement = confirmation(payment, event, recordedAt);
            procurement.state = PositionState.ACKNOWLEDGED;
            procurement.version = 1;
            procurement.reference = acknowledged.paymentReference();
            procurement.pendingSince = null;
        } else if (event instanceof InvoiceControlViolated violated) {
            SystemRow source = row(payment, system, SystemRole.SOURCE, event, recordedAt);
            markPayment(source, violated.kind());
        }
    }

    /**
     * A finance control broken by a posting marks the posting ERP's row (STATUS_MISMATCH), one broken by a payment
     * the treasury row (another account: BANK_ACCOUNT_MISMATCH; a blocked or unapproved supplier:
     * STATUS_MISMATCH). A review flag of a recent bank-account change is no divergence: the payment matched.
     */
    private static void controlViolated(DocumentState invoice, InvoiceControlViolated violated, Instant recordedAt) {
        String system = violated.reportingSystem().value();
        if (violated.paymentReference() == null) {
            // Judged when the posting arrived, or at the receipt when the ERP reported first: the posting ERP's row.
            invoice.systems.values().stream().filter(row -> row.state == PositionState.POSTED)
                    .sorted((a, b) -> Boolean.compare(b.system.equals(system), a.system.equals(system)))
                    .findFirst().ifPresent(erp -> erp.status = PositionStatus.POSTED_UNMATCHED);
        } else {
            markPayment(row(invoice, system, SystemRole.TREASURY, violated, recordedAt), violated.kind());
        }
    }

    private static void markPayment(SystemRow treasury, ControlKind kind) {
        if (kind == ControlKind.PAYMENT_TO_OTHER_ACCOUNT) {
            treasury.bankAccountMismatch = true;
        } else if (kind != ControlKind.RECENT_BANK_ACCOUNT_CHANGE && kind != ControlKind.BENEFICIARY_NOT_REPORTED
                && treasury.status != PositionStatus.OVERPAID) {
            treasury.status = PositionStatus.PAID_AGAINST_CONTROL;
        }
    }

    /** @param regions the region of each system: an invoice known only downstream has no region of its own yet */
    static List<OpenDivergence> invoiceDivergences(DocumentState invoice, SystemRegions regions) {
        List<OpenDivergence> open = new ArrayList<>();
        if (!invoice.sourceKnown) {
            // One flag per system that reported the invoice ahead of procurement, in that system's region.
            invoice.systems.values().forEach(row -> open.add(new OpenDivergence(
                    Divergence.KNOWN_ONLY_DOWNSTREAM, row.system, regions.of(row.system),
                    invoice.firstBusinessTime, row.system + " reported the invoice before procurement did")));
            return open;
        }
        boolean routedSeen = false;
        for (SystemRow row : invoice.systems.values()) {
            if (row.role == SystemRole.ROUTED || row.role == SystemRole.OTHER) {
                row.role = row.system.equals(invoice.routedTo) ? SystemRole.ROUTED : SystemRole.OTHER;
            }
            if (row.role == SystemRole.ROUTED) {
                routedSeen = true;
                if (!row.holdsAVersion()) {
                    open.add(flag(invoice, Divergence.NOT_ACKNOWLEDGED, row, invoice.sourceReportedAt,
                            row.system + " has not posted the invoice"));
                }
            }
            if (row.role == SystemRole.OTHER) {
                open.add(flag(invoice, Divergence.WRONG_SYSTEM, row, row.businessTime, "routed to "
                        + invoice.routedTo + " but reported by " + row.system));
            }
            if ((row.role == SystemRole.ROUTED || row.role == SystemRole.OTHER) && row.refusedItsLatest()) {
                open.add(flag(invoice, Divergence.REJECTED, row, row.businessTime, row.system
                        + " refused to post the invoice"));
            }
            if (row.status == PositionStatus.POSTED_UNMATCHED) {
                open.add(flag(invoice, Divergence.STATUS_MISMATCH, row, row.businessTime, row.system
                        + " posted the invoice against the posting control (unmatched, open exceptions or not the"
                        + " routed ERP, or a blocked or unapproved supplier)"));
            }
            if (row.role == SystemRole.TAX && row.refusedItsLatest()) {
                open.add(flag(invoice, Divergence.REJECTED, row, row.businessTime, "tax validation failed ("
                        + row.reference + ")"));
            }
            if (row.role == SystemRole.TREASURY) {
                paymentControlDivergences(invoice, row, open);
            }
            if (row.role == SystemRole.TREASURY && row.status == PositionStatus.OVERPAID) {
                open.add(flag(invoice, Divergence.AMOUNT_MISMATCH, row, row.businessTime, row.system + " paid "
                        + DocumentState.money(row.amount, row.currency) + " against a gross of "
                        + DocumentState.money(invoice.amount, invoice.currency)));
            }
        }
        if (!routedSeen && invoice.routedTo != null) {
            SystemRow pending = invoice.system(invoice.routedTo);
            pending.role = SystemRole.ROUTED;
            pending.state = PositionState.PENDING;
            open.add(flag(invoice, Divergence.NOT_ACKNOWLEDGED, pending, invoice.sourceReportedAt,
                    invoice.routedTo + " has not posted the invoice"));
        }
        return open;
    }

    static List<OpenDivergence> paymentDivergences(DocumentState payment) {
        List<OpenDivergence> open = new ArrayList<>();
        for (SystemRow row : payment.systems.values()) {
            if (row.role == SystemRole.OTHER) {
                open.add(flag(payment, Divergence.WRONG_SYSTEM, row, row.businessTime, row.system
                        + " sent the confirmation, but the invoice is routed to another ERP"));
            }
            if (row.role == SystemRole.SOURCE) {
                paymentControlDivergences(payment, row, open);
            }
            if (row.role == SystemRole.CONFIRMATION && payment.sourceKnown && !row.holdsAVersion()) {
                open.add(flag(payment, Divergence.NOT_ACKNOWLEDGED, row, payment.sourceReportedAt,
                        "procurement has not acknowledged the payment confirmation"
                                + (row.state == PositionState.DELIVERED ? " (delivered)" : " (not delivered)")));
            }
        }
        if (!payment.sourceKnown) {
            // Procurement reported a confirmation of a payment treasury has not reported: in the invoice's region.
            payment.systems.values().stream().filter(row -> row.role == SystemRole.CONFIRMATION).forEach(row ->
                    open.add(new OpenDivergence(Divergence.KNOWN_ONLY_DOWNSTREAM, row.system, payment.region,
                            payment.firstBusinessTime, row.system + " reported a confirmation before the payment")));
        }
        return open;
    }

    private static void paymentControlDivergences(DocumentState document, SystemRow row, List<OpenDivergence> open) {
        if (row.bankAccountMismatch) {
            open.add(flag(document, Divergence.BANK_ACCOUNT_MISMATCH, row, row.businessTime, row.system
                    + " paid another bank account than the supplier's golden record held at the payment"));
        }
        if (row.status == PositionStatus.PAID_AGAINST_CONTROL) {
            open.add(flag(document, Divergence.STATUS_MISMATCH, row, row.businessTime, row.system
                    + " paid while the supplier was blocked or not approved"));
        }
    }

    private static void clearControlViolations(DocumentState invoice) {
        invoice.systems.values().stream().filter(row -> row.status == PositionStatus.POSTED_UNMATCHED)
                .forEach(row -> row.status = PositionStatus.OPEN);
    }

    private static SystemRole role(DocumentState invoice, String system) {
        return invoice.routedTo == null || system.equals(invoice.routedTo) ? SystemRole.ROUTED : SystemRole.OTHER;
    }

    private static OpenDivergence flag(DocumentState document, Divergence divergence, SystemRow row, Instant since,
                                       String detail) {
        return new OpenDivergence(divergence, row.system, document.region,
                since == null ? document.lastBusinessTime : since, detail);
    }

    private static SystemRow confirmation(DocumentState payment, InvoiceEvent event, Instant recordedAt) {
        SystemRow row = payment.systems.values().stream().filter(r -> r.role == SystemRole.CONFIRMATION).findFirst()
                .orElseGet(() -> payment.system("PROCUREMENT"));
        row.role = SystemRole.CONFIRMATION;
        row.businessTime = event.occurredAt();
        row.recordedAt = recordedAt;
        return row;
    }

    private static SystemRow row(DocumentState document, String system, SystemRole role, InvoiceEvent event,
                                 Instant recordedAt) {
        SystemRow row = document.system(system);
        row.role = role;
        row.businessTime = event.occurredAt();
        row.recordedAt = recordedAt;
        return row;
    }
}
