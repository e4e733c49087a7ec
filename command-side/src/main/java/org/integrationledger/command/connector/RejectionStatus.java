package org.integrationledger.command.connector;

import org.integrationledger.model.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** The HTTP status each rejection code is answered with. */
final class RejectionStatus {

    private RejectionStatus() {
    }

    static HttpStatus of(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED, MALFORMED_REQUEST, REQUEST_NOT_SUPPORTED -> HttpStatus.BAD_REQUEST;
            // request shape
            case UNKNOWN_FIELD, DUPLICATE_FIELD -> HttpStatus.BAD_REQUEST;
            case INVALID_NUMBER, NUMBER_OUT_OF_RANGE, INVALID_TIME, TIME_OUT_OF_RANGE, LIMIT_EXCEEDED,
                 DUPLICATE_LINE_NUMBER -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case SYSTEM_NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case PURCHASE_ORDER_NOT_FOUND -> HttpStatus.NOT_FOUND;
            // audit
            case DOCUMENT_NOT_FOUND, PROJECTION_NOT_FOUND, REBUILD_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case REBUILD_RUNNING, DOCUMENT_TYPE_REQUIRED -> HttpStatus.CONFLICT;
            // business SLAs
            case SLA_RULE_NOT_FOUND, SLA_CLOCKS_NOT_FOUND -> HttpStatus.NOT_FOUND;
            // benchmarks
            case BULK_LOAD_RUN_EXISTS -> HttpStatus.CONFLICT;
            // operations
            case ADMIN_REQUIRED, ROLE_REQUIRED -> HttpStatus.FORBIDDEN;
            case DEAD_LETTER_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case DEAD_LETTER_RETRY_FAILED -> HttpStatus.CONFLICT;
            case MESSAGE_ID_CONFLICT, CONCURRENCY_CONFLICT, PURCHASE_ORDER_ALREADY_ISSUED, PURCHASE_ORDER_NOT_ISSUED,
                 PURCHASE_ORDER_CANCELLED, PURCHASE_ORDER_CLOSED -> HttpStatus.CONFLICT;
            case UNKNOWN_SYSTEM, REPORTING_SYSTEM_NOT_OWNER, UNKNOWN_LEGAL_ENTITY, TOTAL_MISMATCH, CURRENCY_MISMATCH, UNKNOWN_LINE, OVER_RECEIPT,
                 AMENDMENT_BELOW_RECEIVED -> HttpStatus.UNPROCESSABLE_ENTITY;
            // currencies and reporting rules
            case UNSUPPORTED_CURRENCY, CURRENCY_NOT_ALLOWED_FOR_LEGAL_ENTITY -> HttpStatus.UNPROCESSABLE_ENTITY;
            // error surface
            case PAYLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case INVALID_ID, REQUEST_REJECTED -> HttpStatus.BAD_REQUEST;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            case DATABASE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            // suppliers
            case SUPPLIER_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case SUPPLIER_ALREADY_REQUESTED, SUPPLIER_REQUEST_NOT_PENDING, SUPPLIER_NOT_APPROVED,
                 GOLDEN_RECORD_ALREADY_CREATED, NO_PENDING_BANK_ACCOUNT_CHANGE, SUPPLIER_ALREADY_BLOCKED,
                 SUPPLIER_NOT_BLOCKED, DUPLICATE_SUPPLIER, SUPPLIER_VERSION_UNKNOWN -> HttpStatus.CONFLICT;
            case NOT_GOLDEN_RECORD_OWNER, FOUR_EYES_REQUIRED -> HttpStatus.UNPROCESSABLE_ENTITY;
            // reconciliation and trace
            case RECONCILIATION_ENTRY_NOT_FOUND, TRACE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            // invoices and payments
            case INVOICE_NOT_FOUND, PAYMENT_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVOICE_ALREADY_RECEIVED, DUPLICATE_INVOICE, NO_OPEN_EXCEPTION, PAYMENT_ALREADY_RECORDED ->
                    HttpStatus.CONFLICT;
            case APPROVER_NOT_AUTHORISED -> HttpStatus.FORBIDDEN;
            case INVOICE_PURCHASE_ORDER_UNKNOWN, INVOICE_SUPPLIER_MISMATCH, UNKNOWN_TAX_REASON,
                 APPROVER_IS_SUBMITTER -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
