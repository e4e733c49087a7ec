package org.integrationledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.integrationledger.model.invoice.InvoiceId;
import org.integrationledger.model.purchaseorder.PurchaseOrderId;
import org.integrationledger.model.shared.SupplierId;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks the document ids in a path against the typed ids' shape before the body is read or a handler runs, so a
 * bad id is answered the same way on every route ({@code 400 invalid-id}), whatever else is wrong with the request.
 */
public class PathIdCheck implements HandlerInterceptor {

    /**
     * Path variables that name a document of one type, and the typed id whose shape they must have. A reconciliation
     * or SLA {@code documentId} and a trace's {@code businessKey} are not among them: a payment's is its invoice id
     * and payment reference, which has no shape of its own, so those are looked up as given (unknown: 404).
     */
    private static final Map<String, Consumer<String>> DOCUMENT_IDS = Map.of(
            "purchaseOrderId", PurchaseOrderId::of,
            "invoiceId", InvoiceId::of,
            "supplierId", SupplierId::of);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        return true;
    }

    /** Checks one path variable's value as {@link #preHandle} does; the message channels check their document ids so. */
    public static void check(String variable, String value) {
        Consumer<String> check = DOCUMENT_IDS.get(variable);
        if (check != null) {
            try {
                check.accept(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidPathId(variable);
            }
        }
    }

    /** A document id in the path that no document can have. */
    public static final class InvalidPathId extends RuntimeException {

        InvalidPathId(String variable) {
            super(variable + " must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-', starting with a "
                    + "letter or digit");
        }
    }
}
