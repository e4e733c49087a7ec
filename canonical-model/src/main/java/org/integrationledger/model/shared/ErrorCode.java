package org.integrationledger.model.shared;

/**
 * Stable codes of every rejection a connector or reader can receive. The code string is the contract;
 * the message text may change.
 */
public enum ErrorCode {
    VALIDATION_FAILED("validation-failed"),
    MALFORMED_REQUEST("malformed-request"),
    REQUEST_NOT_SUPPORTED("request-not-supported"),
    UNAUTHENTICATED("unauthenticated"),
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
    INTERNAL_ERROR("internal-error"),
    // audit
    DOCUMENT_NOT_FOUND("document-not-found"),
    PROJECTION_NOT_FOUND("projection-not-found"),
    REBUILD_NOT_FOUND("rebuild-not-found");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
