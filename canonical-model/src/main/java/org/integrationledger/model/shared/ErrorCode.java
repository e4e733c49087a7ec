package org.integrationledger.model.shared;

/**
 * Stable codes of every rejection a connector or reader can receive, with their HTTP status and when they are
 * answered. The code string is the contract; the message text may change. The catalogue in docs/canonical-model.md
 * (Error codes) is generated from this enum (ErrorCodeCatalogueTest).
 */
public enum ErrorCode {
    VALIDATION_FAILED("validation-failed", 400,
            "Bean Validation of the request body fails (`errors` lists the fields); a value has the "
            + "wrong shape (id pattern, a currency code Java does not know, more decimals than the "
            + "currency has); a receipt uses another unit of measure than the order line; an amendment "
            + "changes the unit of measure of a line that already has receipts; a query parameter is "
            + "invalid"),
    MALFORMED_REQUEST("malformed-request", 400,
            "the body is not JSON of the expected shape (a truncated body, an object where a text "
            + "belongs, a number or boolean where a text belongs, a text or number where a boolean "
            + "belongs, a number for an enum) or not well-formed UTF-8; `pointer` names the field when "
            + "it is known; the `Accept` header is not a list of media types"),
    REQUEST_NOT_SUPPORTED("request-not-supported", 400,
            "unknown route (`/error` included), wrong method, unsupported or missing `Content-Type`, "
            + "an HTTP version the server does not speak, and other request errors that are not 400; "
            + "answered with the framework's own status (404, 405, 406, 415, 505, …), 400 only when a "
            + "command is refused with it"),
    // request shape (docs/canonical-model.md, "Limits and refusals")
    UNKNOWN_FIELD("unknown-field", 400,
            "the body has a field the contract does not define; `pointer` names it ([Limits and "
            + "refusals](#limits-and-refusals))"),
    DUPLICATE_FIELD("duplicate-field", 400,
            "a JSON object gives the same key twice; `pointer` names the key"),
    INVALID_NUMBER("invalid-number", 422,
            "a decimal is not plain (exponent, spaces, `+`, leading zeros), or an integer field is "
            + "given as `1.5`, `1.0` or `\"1\"`"),
    NUMBER_OUT_OF_RANGE("number-out-of-range", 422,
            "a decimal has more integer digits or decimals than its field allows, is below its "
            + "minimum (negative tax, zero quantity), or an integer overflows"),
    INVALID_TIME("invalid-time", 422,
            "a business time or date is not ISO-8601 text (e.g. epoch seconds `1765000000`)"),
    TIME_OUT_OF_RANGE("time-out-of-range", 422,
            "a business time or date lies outside [1970-01-01T00:00:00Z, 2200-01-01T00:00:00Z)"),
    BUSINESS_TIME_IN_FUTURE("business-time-in-future", 422,
            "a message's `occurredAt` lies after the ledger's clock by more than the allowed skew (5 "
            + "minutes by default); nothing is recorded and the message id stays free for the corrected "
            + "resend. Due and value dates may lie ahead and are not checked"),
    LIMIT_EXCEEDED("limit-exceeded", 422,
            "a text, a list (lines) or the nesting of the body exceeds its maximum; `errors` / "
            + "`pointer` name the field"),
    DUPLICATE_LINE_NUMBER("duplicate-line-number", 422,
            "a line number appears twice in one order, amendment, goods receipt or invoice; `pointer` "
            + "names the second"),
    UNAUTHENTICATED("unauthenticated", 401,
            "no API key, or an unknown one"),
    TOKEN_ISSUER_UNAVAILABLE("token-issuer-unavailable", 503,
            "a bearer token could not be checked because the company issuer's metadata or keys cannot be "
            + "fetched; nothing was recorded; send again after `Retry-After` (API keys are not affected, "
            + "[security.md](security.md#company-sign-in-oauth2))"),
    RATE_LIMITED("rate-limited", 429,
            "the API key's connector is over its request limit (`ledger.security.throttling`); "
            + "`Retry-After` says when to resend; nothing was recorded "
            + "([security.md](security.md#throttling))"),
    SYSTEM_NOT_PERMITTED("system-not-permitted", 403,
            "the API key is not bound to the command's `reportingSystem` (a read-only key sends a "
            + "command)"),
    UNKNOWN_SYSTEM("unknown-system", 422,
            "`reportingSystem` is not configured"),
    REPORTING_SYSTEM_NOT_OWNER("reporting-system-not-owner", 422,
            "`reportingSystem` is configured, but its kind does not own this fact (e.g. a "
            + "`PROCUREMENT` system sends `erp-postings`, or a `TAX` system sends `issue`); checked "
            + "before the key's permission, so it comes before `system-not-permitted`"),
    UNKNOWN_LEGAL_ENTITY("unknown-legal-entity", 422,
            "the order's legal entity has no ERP route in configuration"),
    MESSAGE_ID_CONFLICT("message-id-conflict", 409,
            "this connector already used the message id for a different command or payload"),
    CONCURRENCY_CONFLICT("concurrency-conflict", 409,
            "`expectedLedgerVersion` is not the order's current version, or another writer changed "
            + "the order at the same moment; read again and resend"),
    PURCHASE_ORDER_NOT_FOUND("purchase-order-not-found", 404,
            "a command that needs an existing order names one the ledger does not know, or `GET` of "
            + "an unknown order"),
    PURCHASE_ORDER_ALREADY_ISSUED("purchase-order-already-issued", 409,
            "`issue` for an order that was already issued (send an amendment)"),
    PURCHASE_ORDER_NOT_ISSUED("purchase-order-not-issued", 409,
            "amendment, receipt, cancellation or closure of an order procurement has not reported as "
            + "issued (known only from an ERP or a requisition approval)"),
    PURCHASE_ORDER_CANCELLED("purchase-order-cancelled", 409,
            "the order is cancelled"),
    PURCHASE_ORDER_CLOSED("purchase-order-closed", 409,
            "the order is closed"),
    TOTAL_MISMATCH("total-mismatch", 422,
            "the stated total differs from the sum of the line amounts"),
    CURRENCY_MISMATCH("currency-mismatch", 422,
            "a line is priced in another currency than the total, an amendment changes the order's currency, "
            + "or a payment is scheduled in another currency than its invoice (an executed one is recorded and "
            + "flagged `PAYMENT_CURRENCY_MISMATCH`)"),
    UNKNOWN_LINE("unknown-line", 422,
            "no longer answered: goods received on a line the order does not have are recorded and "
            + "flagged `RECEIVED_BEYOND_ORDER` ([Record, then flag](#record-then-flag-the-422-review)); "
            + "kept so that clients that know the code still read it"),
    OVER_RECEIPT("over-receipt", 422,
            "no longer answered: a receipt beyond the ordered quantity is recorded and flagged "
            + "`RECEIVED_BEYOND_ORDER`; kept so that clients that know the code still read it"),
    AMENDMENT_BELOW_RECEIVED("amendment-below-received", 422,
            "no longer answered: an amendment below what has been received is recorded and flagged "
            + "`RECEIVED_BEYOND_ORDER`; kept so that clients that know the code still read it"),
    // currencies and reporting rules
    UNSUPPORTED_CURRENCY("unsupported-currency", 422,
            "an amount's currency is a known ISO 4217 code that is not money: not a currency, a fund "
            + "code or withdrawn ([Currencies](#currencies)); `detail` names the field and why"),
    CURRENCY_NOT_ALLOWED_FOR_LEGAL_ENTITY("currency-not-allowed-for-legal-entity", 422,
            "an order issued, or an invoice received, in a currency its legal entity does not book in "
            + "(`ledger.reference.legal-entities.<id>.currency` / `.currencies`)"),
    // suppliers
    SUPPLIER_NOT_FOUND("supplier-not-found", 404,
            "a command or `GET` names a supplier the ledger does not know"),
    SUPPLIER_ALREADY_REQUESTED("supplier-already-requested", 409,
            "`request` for a supplier id that was already requested"),
    SUPPLIER_REQUEST_NOT_PENDING("supplier-request-not-pending", 409,
            "approval or rejection of a request that is not pending"),
    SUPPLIER_NOT_APPROVED("supplier-not-approved", 409,
            "a golden record for a request not approved, or a change before the golden record exists"),
    GOLDEN_RECORD_ALREADY_CREATED("golden-record-already-created", 409,
            "a second golden record"),
    NOT_GOLDEN_RECORD_OWNER("not-golden-record-owner", 422,
            "a golden-record change (or creation) from a system that does not own it"),
    FOUR_EYES_REQUIRED("four-eyes-required", 422,
            "the proposer of a bank-account change approves it"),
    NO_PENDING_BANK_ACCOUNT_CHANGE("no-pending-bank-account-change", 409,
            "an approval with no pending bank-account change"),
    SUPPLIER_ALREADY_BLOCKED("supplier-already-blocked", 409,
            "block twice, unblock what is not blocked"),
    SUPPLIER_NOT_BLOCKED("supplier-not-blocked", 409,
            "block twice, unblock what is not blocked"),
    DUPLICATE_SUPPLIER("duplicate-supplier", 409,
            "a tax id already registered to another supplier"),
    SUPPLIER_VERSION_UNKNOWN("supplier-version-unknown", 409,
            "an acknowledgment or failure for a version that does not exist yet"),
    // audit
    DOCUMENT_NOT_FOUND("document-not-found", 404,
            "audit: no event is recorded for the document whose history is asked for "
            + "([audit.md](audit.md))"),
    DOCUMENT_TYPE_REQUIRED("document-type-required", 409,
            "audit: several document types have a document with the id asked for; name one with "
            + "`?type=` ([audit.md](audit.md))"),
    PROJECTION_NOT_FOUND("projection-not-found", 404,
            "audit: no projection of that name can be rebuilt"),
    REBUILD_NOT_FOUND("rebuild-not-found", 404,
            "audit: no rebuild of that projection has run since the ledger started"),
    REBUILD_RUNNING("rebuild-running", 409,
            "audit: a rebuild (of any projection) is running; `running` names them; ask again once it "
            + "has ended ([audit.md](audit.md#rebuilding-a-projection))"),
    // reconciliation and trace
    RECONCILIATION_ENTRY_NOT_FOUND("reconciliation-entry-not-found", 404,
            "`GET /api/v1/reconciliation/{documentType}/{documentId}`: the view holds no such "
            + "document"),
    TRACE_NOT_FOUND("trace-not-found", 404,
            "`GET /api/v1/trace/{businessKey}` or `?correlationId=`: no recorded step belongs to it"),
    // invoices and payments
    INVOICE_NOT_FOUND("invoice-not-found", 404,
            "a command for an invoice the ledger has not received (postings and rejections excepted), "
            + "or `GET` of an unknown invoice"),
    INVOICE_ALREADY_RECEIVED("invoice-already-received", 409,
            "`receipt` for an invoice id already received"),
    DUPLICATE_INVOICE("duplicate-invoice", 409,
            "the supplier's normalised invoice number is already held by another invoice (named in "
            + "`detail`)"),
    INVOICE_PURCHASE_ORDER_UNKNOWN("invoice-purchase-order-unknown", 422,
            "the invoice names a purchase order that was never reported issued"),
    INVOICE_SUPPLIER_MISMATCH("invoice-supplier-mismatch", 422,
            "no longer answered: an invoice from another supplier than its order's is recorded with a "
            + "`SUPPLIER_MISMATCH` exception; kept so that clients that know the code still read it"),
    UNKNOWN_TAX_REASON("unknown-tax-reason", 422,
            "a failure reason code is not configured for the invoice's tax regime"),
    NO_OPEN_EXCEPTION("no-open-exception", 409,
            "an override names an exception kind that is not open on the invoice"),
    APPROVER_NOT_AUTHORISED("approver-not-authorised", 403,
            "the approver is not listed for the exception's queue"),
    APPROVER_IS_SUBMITTER("approver-is-submitter", 422,
            "the approver submitted the invoice"),
    PAYMENT_NOT_FOUND("payment-not-found", 404,
            "a confirmation delivery or acknowledgment for a payment never executed"),
    PAYMENT_ALREADY_RECORDED("payment-already-recorded", 409,
            "a second schedule or execution under the same payment reference (a retry of the same "
            + "message is replayed instead)"),
    // business SLAs
    SLA_RULE_NOT_FOUND("sla-rule-not-found", 404,
            "SLAs: no rule of that name is on the record ([slas.md](slas.md))"),
    SLA_CLOCKS_NOT_FOUND("sla-clocks-not-found", 404,
            "SLAs: no SLA clock runs or ran for that document"),
    // benchmarks
    BULK_LOAD_RUN_EXISTS("bulk-load-run-exists", 409,
            "benchmarks: `POST /api/v1/benchmark/bulk-load` with a `runId` already loaded "
            + "([benchmarks.md](benchmarks.md))"),
    // operations
    ADMIN_REQUIRED("admin-required", 403,
            "an operation that needs the `admin` role (rebuilds, checkpoints, retrying or evicting parked "
            + "documents, the actuator beyond health) called without it; `requiredRoles` names it "
            + "([security.md](security.md#roles))"),
    ROLE_REQUIRED("role-required", 403,
            "an operation called without the role its `x-required-roles` declares (`viewer`, `auditor`, "
            + "`approver`); `requiredRoles` names it, nothing was recorded ([security.md](security.md#roles))"),
    DEAD_LETTER_NOT_FOUND("dead-letter-not-found", 404,
            "operations: nothing parked for that processor and document, or the processor has no "
            + "dead-letter queue"),
    DEAD_LETTER_RETRY_FAILED("dead-letter-retry-failed", 409,
            "operations: a retried document's parked events failed again; they stay parked, nothing "
            + "was applied"),
    DATABASE_UNAVAILABLE("database-unavailable", 503,
            "the ledger's PostgreSQL cannot be reached; answered within about 2.5 s with "
            + "`Retry-After`; resend the same message later "
            + "([architecture.md](architecture.md#database-outage))"),
    // error surface
    PAYLOAD_TOO_LARGE("payload-too-large", 413,
            "the request body is larger than `ledger.web.max-request-body` (2 MB); refused unread, "
            + "the connection is closed"),
    INVALID_ID("invalid-id", 400,
            "a purchase-order, invoice or supplier id in the path is not 1 to 64 characters of "
            + "`[A-Za-z0-9._-]` starting with a letter or digit; checked before the body is read"),
    REQUEST_REJECTED("request-rejected", 400,
            "the request was refused before it reached the API: an encoded slash or backslash (`%2F`, "
            + "`%5C`), NUL or CR/LF (`%00`, `%0D%0A`), invalid percent-encoding or UTF-8 in the path "
            + "(`%FF`, `%G1`), dot segments or `//`, path parameters (`..;`, `;jsessionid=`), "
            + "characters a request line may not hold, a malformed request line or header, headers or a "
            + "request line over 8 KB, an unknown method"),
    INTERNAL_ERROR("internal-error", 500,
            "anything unexpected; logged; nothing was recorded");

    private final String code;
    private final int httpStatus;
    private final String meaning;

    ErrorCode(String code, int httpStatus, String meaning) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    /** The HTTP status a refusal with this code is answered with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** When a caller receives this code, in a sentence (Markdown); the error-code catalogue in the docs shows it. */
    public String meaning() {
        return meaning;
    }

    /** The problem type URI every {@code application/problem+json} answer with this code carries. */
    public String problemType() {
        return "urn:integration-ledger:problem:" + code;
    }
}
