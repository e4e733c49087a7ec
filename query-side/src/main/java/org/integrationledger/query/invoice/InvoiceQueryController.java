package org.integrationledger.query.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.integrationledger.model.invoice.ExceptionKind;
import org.integrationledger.model.invoice.ExceptionStatus;
import org.integrationledger.model.invoice.FindInvoice;
import org.integrationledger.model.invoice.FindUnconfirmedPayments;
import org.integrationledger.model.invoice.InvoiceExceptionPage;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.invoice.InvoiceSummary;
import org.integrationledger.model.invoice.ListInvoiceExceptions;
import org.integrationledger.model.invoice.UnconfirmedPaymentPage;
import org.integrationledger.model.shared.ErrorCode;
import org.integrationledger.model.shared.LegalEntityId;
import org.integrationledger.model.shared.PageRequest;
import org.integrationledger.model.shared.SupplierId;
import org.integrationledger.query.QueryProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API of the invoice views. Answers reflect events up to the projection's position, normally milliseconds
 * behind the command side; {@code lastRecordedAt} tells how fresh an invoice row is.
 */
@RestController
@Tag(name = "Invoices: views")
class InvoiceQueryController {

    private final QueryGateway queries;

    InvoiceQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/invoices/{invoiceId}")
    @Operation(summary = "One invoice across procurement, tax engine, ERP and treasury",
            description = "Match result per line with variances, tax status and reasons, ERP posting (with the "
                    + "control-violation flag), payments against gross, overpayment and confirmation status.")
    InvoiceSummary find(@PathVariable String invoiceId) {
        InvoiceId id = InvoiceId.of(invoiceId);
        return queries.query(new FindInvoice(id), ResponseTypes.optionalInstanceOf(InvoiceSummary.class))
                .join()
                .orElseThrow(() -> QueryProblems.notFound(ErrorCode.INVOICE_NOT_FOUND,
                        "no invoice " + id + " is known to the ledger"));
    }

    @GetMapping("/api/v1/invoice-exceptions")
    @Operation(summary = "The invoice exception queue, oldest first, filtered and paged",
            description = "Each exception with supplier, purchase order, amounts, variance, region, legal entity, "
                    + "queue, age (business time raised to resolution or now) and its resolution.")
    InvoiceExceptionPage exceptions(
            @RequestParam(required = false) ExceptionStatus status,
            @RequestParam(required = false) ExceptionKind kind,
            @Parameter(description = "work queue, e.g. AP-NA") @RequestParam(required = false) String queue,
            @Parameter(description = "region, e.g. EMEA") @RequestParam(required = false) String region,
            @RequestParam(required = false) String legalEntity,
            @RequestParam(required = false) String supplierId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.query(new ListInvoiceExceptions(status, kind, queue, region,
                legalEntity == null ? null : LegalEntityId.of(legalEntity),
                supplierId == null ? null : SupplierId.of(supplierId), new PageRequest(page, size)),
                ResponseTypes.instanceOf(InvoiceExceptionPage.class)).join();
    }

    @GetMapping("/api/v1/invoice-duplicates")
    @Operation(summary = "Question 8 for invoices: suspected duplicates caught and what happened to them",
            description = "Duplicate-suspicion exceptions, open and resolved (by whom, how, why). Exact duplicates "
                    + "(same supplier and normalised number) are refused with 409 duplicate-invoice and never "
                    + "recorded, so they are not listed.")
    InvoiceExceptionPage duplicates(
            @RequestParam(required = false) String supplierId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.query(new ListInvoiceExceptions(null, ExceptionKind.DUPLICATE_SUSPICION, null, null, null,
                supplierId == null ? null : SupplierId.of(supplierId), new PageRequest(page, size)),
                ResponseTypes.instanceOf(InvoiceExceptionPage.class)).join();
    }

    @GetMapping("/api/v1/payments/unconfirmed")
    @Operation(summary = "Question 4: payments executed whose confirmation procurement has not acknowledged",
            description = "Longest waiting first; waitingSeconds runs from the execution's business time to now.")
    UnconfirmedPaymentPage unconfirmedPayments(
            @RequestParam(required = false) String legalEntity,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.query(new FindUnconfirmedPayments(legalEntity == null ? null : LegalEntityId.of(legalEntity),
                new PageRequest(page, size)), ResponseTypes.instanceOf(UnconfirmedPaymentPage.class)).join();
    }
}
