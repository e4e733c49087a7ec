package org.integrationledger.model.shared;

/**
 * Stable codes of every rejection a connector or reader can receive. The code string is the contract;
 * the message text may change.
 */
public enum ErrorCode {
    VALIDATION_FAILED("validation-failed"),
    MALFORMED_REQUEST("malformed-request"),
    REQUEST_NOT_SUPPORTED("request-not-supported"),
    // request shape (docs/canonical-model.md, "Limits and refusals")
    UNKNOWN_FIELD("unknown-field"),
    DUPLICATE_FIELD("duplicate-field"),
    INVALID_NUMBER("invalid-number"),
    NUMBER_OUT_OF_RANGE("number-out-of-range"),
    INVALID_TIME("invalid-time"),
    TIME_OUT_OF_RANGE("time-out-of-range"),
    LIMIT_EXCEEDED("limit-exceeded"),
    DUPLICATE_LINE_NUMBER("duplicate-line-number"),
    UNAUTHENTICATED("unauthenticated"),
    RATE_LIMITED("rate-limited"),
    SYSTEM_NOT_PERMITTED("system-not-permitted"),
    UNKNOWN_SYSTEM("unknown-system"),
    REPORTING_SYSTEM_NOT_OWNER("reporting-system-not-owner"),
    UNKNOWN_LEGAL_ENTITY("unknown-legal-entity"),
    MESSAGE_ID_CONFLICT("message-id-conflict"),
    CONCURRENCY_CONFLICT("concurrency-conflict"),
    PURCHASE_ORDER_NOT_FOUND("purchase-order-not-found"),
    PURCHASE_ORDER_ALREADY_ISSUED("purchase-order-already-issued"),
    PURCHASE_ORDER_NOT_ISSUED("purchase-order-not-issued"),
    PURCHASE_ORDER_CANCELLED("purchase-order-cancelled"),
    PURCHASE_ORDER_CLOSED("purchase-order-closed"),
    TOTAL_MISMATCH("total-mismatch"),
    CURRENCY_MISMATCH("currency-mismatch"),
    UNKNOWN_LINE("unknown-line"),
    OVER_RECEIPT("over-receipt"),
    AMENDMENT_BELOW_RECEIVED("amendment-below-received"),
    // currencies and reporting rules
    UNSUPPORTED_CURRENCY("unsupported-currency"),
    CURRENCY_NOT_ALLOWED_FOR_LEGAL_ENTITY("currency-not-allowed-for-legal-entity"),
    // suppliers
    SUPPLIER_NOT_FOUND("supplier-not-found"),
    SUPPLIER_ALREADY_REQUESTED("supplier-already-requested"),
    SUPPLIER_REQUEST_NOT_PENDING("supplier-request-not-pending"),
    SUPPLIER_NOT_APPROVED("supplier-not-approved"),
    GOLDEN_RECORD_ALREADY_CREATED("golden-record-already-created"),
    NOT_GOLDEN_RECORD_OWNER("not-golden-record-owner"),
    FOUR_EYES_REQUIRED("four-eyes-required"),
    NO_PENDING_BANK_ACCOUNT_CHANGE("no-pending-bank-account-change"),
    SUPPLIER_ALREADY_BLOCKED("supplier-already-blocked"),
    SUPPLIER_NOT_BLOCKED("supplier-not-blocked"),
    DUPLICATE_SUPPLIER("duplicate-supplier"),
    SUPPLIER_VERSION_UNKNOWN("supplier-version-unknown"),
    // audit
    DOCUMENT_NOT_FOUND("document-not-found"),
    DOCUMENT_TYPE_REQUIRED("document-type-required"),
    PROJECTION_NOT_FOUND("projection-not-found"),
    REBUILD_NOT_FOUND("rebuild-not-found"),
    REBUILD_RUNNING("rebuild-running"),
    // reconciliation and trace
    RECONCILIATION_ENTRY_NOT_FOUND("reconciliation-entry-not-found"),
    TRACE_NOT_FOUND("trace-not-found"),
    // invoices and payments
    INVOICE_NOT_FOUND("invoice-not-found"),
    INVOICE_ALREADY_RECEIVED("invoice-already-received"),
    DUPLICATE_INVOICE("duplicate-invoice"),
    INVOICE_PURCHASE_ORDER_UNKNOWN("invoice-purchase-order-unknown"),
    INVOICE_SUPPLIER_MISMATCH("invoice-supplier-mismatch"),
    UNKNOWN_TAX_REASON("unknown-tax-reason"),
    NO_OPEN_EXCEPTION("no-open-exception"),
    APPROVER_NOT_AUTHORISED("approver-not-authorised"),
    APPROVER_IS_SUBMITTER("approver-is-submitter"),
    PAYMENT_NOT_FOUND("payment-not-found"),
    PAYMENT_ALREADY_RECORDED("payment-already-recorded"),
    // business SLAs
    SLA_RULE_NOT_FOUND("sla-rule-not-found"),
    SLA_CLOCKS_NOT_FOUND("sla-clocks-not-found"),
    // benchmarks
    BULK_LOAD_RUN_EXISTS("bulk-load-run-exists"),
    // operations
    ADMIN_REQUIRED("admin-required"),
    /** The caller lacks the role an operation declares (docs/security.md, "Roles"). */
    ROLE_REQUIRED("role-required"),
    DEAD_LETTER_NOT_FOUND("dead-letter-not-found"),
    DEAD_LETTER_RETRY_FAILED("dead-letter-retry-failed"),
    DATABASE_UNAVAILABLE("database-unavailable"),
    // error surface
    PAYLOAD_TOO_LARGE("payload-too-large"),
    INVALID_ID("invalid-id"),
    REQUEST_REJECTED("request-rejected"),
    INTERNAL_ERROR("internal-error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The problem type URI every {@code application/problem+json} answer with this code carries. */
    public String problemType() {
        return "urn:integration-ledger:problem:" + code;
    }
}
